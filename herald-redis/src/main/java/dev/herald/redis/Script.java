package dev.herald.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One of the Lua scripts beside this class (with the shared {@code epoch.lua} first), run by its
 * SHA-1 and sent whole only when Redis does not know it (a restarted Redis forgets its scripts).
 */
final class Script {

    private final String source;
    private final String sha;

    private Script(String source, String sha) {
        this.source = source;
        this.sha = sha;
    }

    static Script load(String name, RedisCommands<String, String> redis) {
        String source = resource("epoch.lua") + "\n" + resource(name);
        return new Script(source, redis.digest(source));
    }

    /** Runs the script; its result is a list of longs, strings and lists. */
    List<Object> run(RedisCommands<String, String> redis, String[] keys, String... args) {
        try {
            return redis.evalsha(sha, ScriptOutputType.MULTI, keys, args);
        } catch (RedisNoScriptException e) {
            return redis.eval(source, ScriptOutputType.MULTI, keys, args);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Script.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("script " + name + " is missing from the herald-redis jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
