package dev.herald.htmx;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Dev mode's record of which events rendered pages listen to, per topic, and the warning for an
 * event published where none does. Each topic and event pair is warned about once: a busy topic
 * must not flood the log.
 */
final class DeclaredEvents {

    static final Consumer<String> LOG = message ->
            System.getLogger(Htmx.class.getName()).log(System.Logger.Level.WARNING, message);

    private final Consumer<String> warnings;
    private final ConcurrentHashMap<String, Set<String>> byTopic = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    DeclaredEvents(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    void declare(Collection<String> topics, Collection<Contract> contracts) {
        for (String topic : topics) {
            Set<String> events = byTopic.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet());
            contracts.forEach(contract -> events.add(contract.name()));
        }
    }

    void check(Collection<String> topics, String event) {
        for (String topic : topics) {
            Set<String> events = byTopic.get(topic);
            if ((events == null || !events.contains(event)) && warned.add(topic + '\n' + event)) {
                warnings.accept("event \"" + event + "\" published to topic \"" + topic + "\" is declared by no page "
                        + "rendered since start: htmx drops it unseen. Add its Contract to the page's htmx.page(...) "
                        + "and render its region.");
            }
        }
    }
}
