package dev.herald.app.web;

import dev.herald.htmx.ClientAssets;

/** The app's own assets, under {@code /assets/herald-app/}: URLs that change whenever the files do. */
public final class AppAssets {

    /** The pages' stylesheet. */
    public static final String CSS = ClientAssets.versioned("herald-app/1/app.css");
    /** The pages' small behaviours (form reset, Enter sends): no inline script, for the CSP. */
    public static final String APP_JS = ClientAssets.versioned("herald-app/1/app.js");
    /** The site's icon. */
    public static final String FAVICON = ClientAssets.versioned("herald-app/1/favicon.svg");
    /** The log tail's pause and trim. */
    public static final String LOG_TAIL = ClientAssets.versioned("herald-app/1/log-tail.js");

    private AppAssets() {
    }
}
