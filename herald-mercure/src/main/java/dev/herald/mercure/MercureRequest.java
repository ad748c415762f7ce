package dev.herald.mercure;

import java.util.List;
import java.util.Map;

/** What {@link Mercure} reads of an HTTP request; a server binding implements it over its own. */
public interface MercureRequest {

    /** The first value of the header {@code name} (case-insensitive), or {@code null}. */
    String header(String name);

    /**
     * The query's parameters, decoded as {@code application/x-www-form-urlencoded}, in order; a
     * name without a value has an empty one.
     *
     * @throws MercureException 400 when the query is not valid URL encoding (see {@link Mercure#badEncoding})
     */
    Map<String, List<String>> query();

    /** The value of the cookie {@code name}, or {@code null}. */
    String cookie(String name);
}
