package dev.herald.spring.thymeleaf;

import dev.herald.htmx.PageStream;
import java.util.Map;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IModel;
import org.thymeleaf.model.IModelFactory;
import org.thymeleaf.model.IOpenElementTag;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractAttributeModelProcessor;
import org.thymeleaf.processor.element.IElementModelStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.util.EscapedAttributeUtils;

/**
 * {@code herald:connect="${stream}"}: the connect attributes on the element, the stream in scope
 * of its content for {@code herald:region}, and, last inside it, the element
 * {@link ConnectEndProcessor} turns into the stream's end (processed after every region, since
 * Thymeleaf processes a body in order).
 */
final class ConnectProcessor extends AbstractAttributeModelProcessor {

    /** The local variable that holds the stream inside the connecting element. */
    static final String STREAM = "dev.herald.thymeleaf.connecting";

    private final String endElement;

    ConnectProcessor(String prefix) {
        super(TemplateMode.HTML, prefix, null, false, "connect", true, 200, true);
        this.endElement = prefix + ":" + ConnectEndProcessor.NAME;
    }

    @Override
    protected void doProcess(ITemplateContext context, IModel model, AttributeName attributeName, String expression,
                             IElementModelStructureHandler structureHandler) {
        String attribute = attributeName.getCompleteAttributeNames()[0];
        IProcessableElementTag element = (IProcessableElementTag) model.get(0);
        if (!(element instanceof IOpenElementTag)) {
            throw new IllegalStateException(attribute + " on <" + element.getElementCompleteName()
                    + "/>: the connecting element needs an end tag, since its regions and Herald's hidden handler go inside it");
        }
        PageStream stream = HeraldDialect.evaluate(context, attribute, expression, PageStream.class);
        IModelFactory factory = context.getModelFactory();
        for (Map.Entry<String, String> written : stream.startConnect().entrySet()) {
            element = factory.setAttribute(element, written.getKey(),
                    EscapedAttributeUtils.escapeAttribute(context.getTemplateMode(), written.getValue()));
        }
        model.replace(0, element);
        model.insert(model.size() - 1, factory.createStandaloneElementTag(endElement));
        structureHandler.setLocalVariable(STREAM, stream);
    }
}
