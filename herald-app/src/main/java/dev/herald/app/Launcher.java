package dev.herald.app;

import java.lang.reflect.InvocationTargetException;

/**
 * The runnable jar's entry point, compiled for Java 8 so that any JVM from 8 on loads it: on a Java
 * older than 21 it says so in one line and exits with status 1 (instead of failing to load
 * {@code Main} with an {@code UnsupportedClassVersionError}); on 21 or newer it runs {@code Main}.
 * Keep it Java 8 code: the build compiles this one file with {@code --release 8}.
 */
public final class Launcher {

    /** The oldest Java that Herald runs on. */
    static final int REQUIRED = 21;

    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        int feature = feature(System.getProperty("java.specification.version"));
        if (feature < REQUIRED) {
            System.err.println(refusal(feature));
            System.exit(1);
        }
        try {
            Class.forName("dev.herald.app.Main").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The line printed on a Java older than {@link #REQUIRED}. */
    static String refusal(int feature) {
        return "Herald needs Java " + REQUIRED + " or newer; this is Java " + feature;
    }

    /** The feature release of a {@code java.specification.version}: "1.8" is 8, "17" is 17. */
    static int feature(String specificationVersion) {
        String version = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        int dot = version.indexOf('.');
        return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
    }
}
