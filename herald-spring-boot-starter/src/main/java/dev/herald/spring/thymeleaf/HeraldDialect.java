package dev.herald.spring.thymeleaf;

import dev.herald.htmx.PageStream;
import java.util.Set;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.standard.processor.StandardXmlNsTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Herald's attributes for Thymeleaf templates: a page's {@link PageStream} markup, written on the
 * template's own elements, with the checks {@code PageStream} makes (a region outside the
 * connecting element, a declared region not rendered, a region twice: the render fails, naming
 * the template and line).
 *
 * <pre>{@code
 * <html>
 * <head><script herald:scripts="${stream}"></script></head>
 * <body>
 * <main class="board" herald:connect="${stream}">
 *     <ol herald:region="${T(com.example.Board).CARDS}">
 *         <th:block th:each="card : ${cards}"><li th:replace="~{card :: card}"></li></th:block>
 *     </ol>
 * </main>
 * }</pre>
 *
 * <ul>
 *   <li>{@code herald:scripts="${stream}"}: the element becomes the stream's {@code <script>} elements;</li>
 *   <li>{@code herald:connect="${stream}"}: the element is the page's connecting element (it needs an
 *       end tag: Herald's hidden handler of out-of-band events goes last inside it);</li>
 *   <li>{@code herald:region="${contract}"}: the element, inside the connecting one, is the region of
 *       a {@code Contract} the page declared (its {@code id} is the contract's target).</li>
 * </ul>
 *
 * <p>Its processors run after the standard dialect's on the same element. Spring Boot adds it to
 * the template engine when it is a bean (the starter declares one); elsewhere,
 * {@code templateEngine.addDialect(new HeraldDialect())}.
 */
public final class HeraldDialect extends AbstractProcessorDialect {

    /** The attributes' prefix: {@code herald:connect}. */
    public static final String PREFIX = "herald";

    public HeraldDialect() {
        super("Herald", PREFIX, StandardDialect.PROCESSOR_PRECEDENCE + 1000);
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(new ScriptsProcessor(dialectPrefix), new ConnectProcessor(dialectPrefix),
                new ConnectEndProcessor(dialectPrefix), new RegionProcessor(dialectPrefix),
                new StandardXmlNsTagProcessor(TemplateMode.HTML, dialectPrefix));
    }

    /**
     * The value of the expression in {@code dialectPrefix:attribute}, which must be a {@code type}.
     *
     * @throws IllegalArgumentException naming the attribute, the expression and what it gave
     */
    static <T> T evaluate(ITemplateContext context, String attribute, String expression, Class<T> type) {
        Object value = StandardExpressions.getExpressionParser(context.getConfiguration())
                .parseExpression(context, expression).execute(context);
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(attribute + "=\"" + expression + "\" must give a " + type.getSimpleName()
                    + ", it gave " + (value == null ? "null" : "a " + value.getClass().getName()));
        }
        return type.cast(value);
    }
}
