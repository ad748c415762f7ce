package dev.herald.spring.thymeleaf;

import dev.herald.htmx.PageStream;
import gg.jte.output.StringOutput;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;

/** {@code herald:scripts="${stream}"}: the element becomes the stream's {@code <script>} elements. */
final class ScriptsProcessor extends AbstractAttributeTagProcessor {

    ScriptsProcessor(String prefix) {
        super(TemplateMode.HTML, prefix, null, false, "scripts", true, 100, true);
    }

    @Override
    protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
                             String expression, IElementTagStructureHandler structureHandler) {
        String attribute = attributeName.getCompleteAttributeNames()[0];
        PageStream stream = HeraldDialect.evaluate(context, attribute, expression, PageStream.class);
        StringOutput scripts = new StringOutput();
        stream.scripts().writeTo(scripts);
        structureHandler.replaceWith(scripts.toString(), false);
    }
}
