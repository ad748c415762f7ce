package dev.herald.stream;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The platform threads that run streams, each with its own queue of streams to run. A stream always
 * goes to the same thread (its lane), so its writes keep to one core's caches; a thread with nothing
 * to run parks until a stream is handed to it, and handing over to a running thread costs one queue
 * operation.
 */
final class WriterThreads implements WriterPool.Dispatcher {

    private static final System.Logger LOG = System.getLogger(WriterThreads.class.getName());

    private final Lane[] lanes;
    private final AtomicInteger next = new AtomicInteger();

    WriterThreads(int count) {
        lanes = new Lane[count];
        for (int i = 0; i < count; i++) {
            lanes[i] = new Lane("herald-writer-" + i);
        }
    }

    @Override
    public int nextLane() {
        return Math.floorMod(next.getAndIncrement(), lanes.length);
    }

    @Override
    public void dispatch(SseStream stream) {
        lanes[stream.lane()].add(stream);
    }

    /** Lets each thread run what it was handed, then stop. */
    void stop() {
        for (Lane lane : lanes) {
            lane.stop();
        }
    }

    private static final class Lane implements Runnable {
        private final Queue<SseStream> ready = new ConcurrentLinkedQueue<>();
        private final Thread thread;
        private volatile boolean parked;
        private volatile boolean running = true;

        Lane(String name) {
            thread = Thread.ofPlatform().name(name).daemon().start(this);
        }

        void add(SseStream stream) {
            ready.add(stream);
            if (parked) {
                LockSupport.unpark(thread);
            }
        }

        void stop() {
            running = false;
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            while (true) {
                SseStream stream = ready.poll();
                if (stream != null) {
                    runSafely(stream);
                    continue;
                }
                if (!running) {
                    return;
                }
                // Announce the park before the last look: an add that misses the flag was seen here.
                parked = true;
                if (ready.isEmpty() && running) {
                    LockSupport.park(this);
                }
                parked = false;
            }
        }

        private static void runSafely(SseStream stream) {
            try {
                stream.run();
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.ERROR, "a stream failed on its writer thread", e);
            }
        }
    }
}
