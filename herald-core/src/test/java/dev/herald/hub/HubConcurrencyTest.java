package dev.herald.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.sse.SseEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Publishers and subscribers at once, subscribers reconnecting at random and overflowing small
 * backlogs: every subscriber must still see every event of its topics exactly once, in publish
 * order.
 */
class HubConcurrencyTest {

    private static final List<String> TOPICS = List.of("t0", "t1", "t2", "t3");
    private static final int PUBLISHERS = 4;
    private static final int EVENTS_PER_PUBLISHER = 3_000;
    private static final int SUBSCRIBERS = 8;

    private final Hub hub = Hub.builder().maxEventsPerTopic(1 << 16).maxBytesPerTopic(64L << 20).build();
    /** Every published event by position, with its topics: the truth subscribers are checked against. */
    private final ConcurrentSkipListMap<Long, Set<String>> published = new ConcurrentSkipListMap<>();

    @Test
    void everySubscriberSeesEveryEventOfItsTopicsExactlyOnceInOrderAcrossReconnects() throws Exception {
        long seed = System.nanoTime();
        SplittableRandom seeds = new SplittableRandom(seed);
        String start = hub.position();
        AtomicBoolean publishing = new AtomicBoolean(true);
        AtomicInteger reconnects = new AtomicInteger();
        AtomicInteger overflows = new AtomicInteger();

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Received>> subscribers = new ArrayList<>();
            CountDownLatch subscribed = new CountDownLatch(SUBSCRIBERS);
            for (int s = 0; s < SUBSCRIBERS; s++) {
                SplittableRandom random = seeds.split();
                Set<String> topics = randomTopics(random);
                subscribers.add(threads.submit(() -> consume(topics, start, random, publishing, subscribed,
                        reconnects, overflows)));
            }
            subscribed.await();
            List<Future<?>> publishers = new ArrayList<>();
            for (int p = 0; p < PUBLISHERS; p++) {
                SplittableRandom random = seeds.split();
                int publisher = p;
                publishers.add(threads.submit(() -> publish(publisher, random)));
            }
            for (Future<?> publisher : publishers) {
                publisher.get();
            }
            publishing.set(false);

            for (Future<Received> future : subscribers) {
                Received received = future.get();
                List<Long> expected = published.entrySet().stream()
                        .filter(e -> !Collections.disjoint(e.getValue(), received.topics))
                        .map(java.util.Map.Entry::getKey)
                        .toList();
                assertThat(received.positions)
                        .as("subscriber of %s (seed %d)", received.topics, seed)
                        .containsExactlyElementsOf(expected);
            }
        }
        assertThat(published).hasSize(PUBLISHERS * EVENTS_PER_PUBLISHER);
        assertThat(reconnects.get()).as("reconnects exercised").isPositive();
        assertThat(overflows.get()).as("overflows exercised").isPositive();
    }

    private void publish(int publisher, SplittableRandom random) {
        for (int i = 0; i < EVENTS_PER_PUBLISHER; i++) {
            Set<String> topics = randomTopics(random);
            String id = hub.publish(topics, SseEvent.message("p" + publisher + "-" + i));
            published.put(HubId.positionOf(id), topics);
        }
    }

    private record Received(Set<String> topics, List<Long> positions) {
    }

    private Received consume(Set<String> topics, String start, SplittableRandom random, AtomicBoolean publishing,
            CountDownLatch subscribed, AtomicInteger reconnects, AtomicInteger overflows) throws InterruptedException {
        List<Long> positions = new ArrayList<>();
        String lastId = start;
        boolean first = true;
        while (true) {
            // Some subscribers get a backlog bound small enough to overflow while publishers run.
            Semaphore ready = new Semaphore(0);
            Outbox outbox = Outbox.bounded(random.nextBoolean() ? 1_000 : 1L << 30, new Outbox.Listener() {
                @Override
                public void onReady() {
                    ready.release();
                }

                @Override
                public void onOverflow() {
                    // seen by the next poll
                }
            });
            try (Subscription ignored = hub.subscribe(topics, lastId, outbox)) {
                if (first) {
                    subscribed.countDown();
                    first = false;
                }
                boolean reconnect = false;
                while (!reconnect) {
                    List<Delivery> batch = outbox.poll();
                    if (batch.isEmpty()) {
                        if (!publishing.get() && caughtUp(topics, positions)) {
                            return new Received(topics, positions);
                        }
                        ready.tryAcquire(50, TimeUnit.MILLISECONDS);
                        continue;
                    }
                    for (Delivery delivery : batch) {
                        switch (delivery) {
                            case HubEvent event -> {
                                positions.add(event.position());
                                lastId = event.id();
                            }
                            case Delivery.Overflow overflow -> {
                                overflows.incrementAndGet();
                                reconnect = true;
                            }
                            case Replay.Gap gap -> throw new AssertionError("unexpected gap " + gap);
                            case Delivery.Shutdown shutdown -> throw new AssertionError("unexpected shutdown");
                        }
                    }
                    if (!reconnect && random.nextInt(20) == 0) {
                        reconnects.incrementAndGet();
                        reconnect = true;
                    }
                }
            }
        }
    }

    private boolean caughtUp(Set<String> topics, List<Long> positions) {
        long expected = published.values().stream().filter(t -> !Collections.disjoint(t, topics)).count();
        return positions.size() >= expected;
    }

    private static Set<String> randomTopics(SplittableRandom random) {
        Set<String> topics = new TreeSet<>();
        int count = 1 + random.nextInt(2);
        while (topics.size() < count) {
            topics.add(TOPICS.get(random.nextInt(TOPICS.size())));
        }
        return topics;
    }
}
