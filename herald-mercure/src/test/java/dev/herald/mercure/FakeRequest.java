package dev.herald.mercure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request as a binding hands it over: query pairs, headers, cookies. */
final class FakeRequest implements MercureRequest {
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new HashMap<>();
    private final Map<String, String> cookies = new HashMap<>();

    /** Parameters as name, value, name, value… */
    static FakeRequest with(String... pairs) {
        FakeRequest request = new FakeRequest();
        for (int i = 0; i < pairs.length; i += 2) {
            request.query.computeIfAbsent(pairs[i], n -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return request;
    }

    FakeRequest header(String name, String value) {
        headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
        return this;
    }

    FakeRequest cookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    Map<String, List<String>> form() {
        return query;
    }

    @Override
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public Map<String, List<String>> query() {
        return query;
    }

    @Override
    public String cookie(String name) {
        return cookies.get(name);
    }
}
