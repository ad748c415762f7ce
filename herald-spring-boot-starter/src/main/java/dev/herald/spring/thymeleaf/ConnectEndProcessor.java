package dev.herald.spring.thymeleaf;

import dev.herald.htmx.PageStream;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractElementTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;

/** The element {@link ConnectProcessor} puts last in the connecting element: becomes the stream's end markup. */
final class ConnectEndProcessor extends AbstractElementTagProcessor {

    static final String NAME = "connect-end";

    ConnectEndProcessor(String prefix) {
        super(TemplateMode.HTML, prefix, NAME, true, null, false, 200);
    }

    @Override
    protected void doProcess(ITemplateContext context, IProcessableElementTag tag, IElementTagStructureHandler structureHandler) {
        if (!(context.getVariable(ConnectProcessor.STREAM) instanceof PageStream stream)) {
            throw new IllegalStateException("<" + tag.getElementCompleteName() + "> is written by herald:connect only");
        }
        structureHandler.replaceWith(stream.endConnect(), false);
    }
}
