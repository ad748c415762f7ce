package dev.herald.htmx.jtetest;

import gg.jte.html.HtmlTemplateOutput;

/** Stands for a precompiled {@code item.jte}: {@code @param String text}, then {@code <li>${text}</li>} and a newline. */
public final class JteitemGenerated {

    public static final String JTE_NAME = "item.jte";
    public static final int[] JTE_LINE_INFO = {};

    public static void render(HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, String text) {
        jteOutput.writeContent("\n<li>");
        jteOutput.setContext("li", null);
        jteOutput.writeUserContent(text);
        jteOutput.writeContent("</li>\n");
    }

    public static void renderMap(HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor,
                                 java.util.Map<String, Object> params) {
        render(jteOutput, jteHtmlInterceptor, (String) params.get("text"));
    }
}
