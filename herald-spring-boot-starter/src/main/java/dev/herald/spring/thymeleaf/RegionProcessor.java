package dev.herald.spring.thymeleaf;

import dev.herald.htmx.Contract;
import dev.herald.htmx.PageStream;
import java.util.Map;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.util.EscapedAttributeUtils;

/** {@code herald:region="${contract}"}: the region's id and listening attributes on the element. */
final class RegionProcessor extends AbstractAttributeTagProcessor {

    RegionProcessor(String prefix) {
        super(TemplateMode.HTML, prefix, null, false, "region", true, 300, true);
    }

    @Override
    protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
                             String expression, IElementTagStructureHandler structureHandler) {
        String attribute = attributeName.getCompleteAttributeNames()[0];
        Contract contract = HeraldDialect.evaluate(context, attribute, expression, Contract.class);
        if (!(context.getVariable(ConnectProcessor.STREAM) instanceof PageStream stream)) {
            throw new IllegalStateException(attribute + "=\"" + expression + "\" (#" + contract.target()
                    + ") is outside the element with herald:connect: it would never receive " + contract.name()
                    + "; put it inside");
        }
        for (Map.Entry<String, String> written : stream.regionAttributes(contract).entrySet()) {
            structureHandler.setAttribute(written.getKey(),
                    EscapedAttributeUtils.escapeAttribute(context.getTemplateMode(), written.getValue()));
        }
    }
}
