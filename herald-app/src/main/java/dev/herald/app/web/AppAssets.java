package dev.herald.app.web;

import dev.herald.htmx.ClientAssets;

/** The app's own assets, under {@code /assets/herald-app/}: URLs that change whenever the files do. */
public final class AppAssets {

    /** The pages' stylesheet. */
    public static final String CSS = ClientAssets.versioned("herald-app/1/app.css");
    /** The log tail's pause and trim. */
    public static final String LOG_TAIL = ClientAssets.versioned("herald-app/1/log-tail.js");

    private AppAssets() {
    }
}
