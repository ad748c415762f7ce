package dev.herald.app.jobs;

import dev.herald.app.db.Section;
import dev.herald.app.node.Node;
import dev.herald.hub.Hub;
import dev.herald.htmx.Fragment;
import dev.herald.htmx.Rerender;
import dev.herald.htmx.Swap;
import dev.herald.hub.SnapshotSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jobs: stored on upload, run by {@link JobWorkers}, every change written to the database and
 * published — to the job's topic ({@code job/<id>}) for its page and to {@value #LIST_TOPIC} for
 * the list.
 *
 * <p><b>No render/subscribe race</b> (DESIGN.md §8.8), on any number of nodes: a change writes its
 * row and publishes in a write of the {@link Section} {@value #SECTION}; a page reads the hub
 * position and then the rows in a read of it, and subscribes from that position. A page opened
 * mid-way shows the progress stored last, then every later report, none twice.
 */
public final class JobService implements SnapshotSource, Node.Watcher {

    /** The list page's topic. */
    public static final String LIST_TOPIC = "jobs";
    /** Jobs a list page shows. */
    static final int LIST_LIMIT = 50;
    /** Why a job whose node stopped without ending it (a crash, a kill) is failed, by the next node to start or by another node. */
    static final String ORPHANED_REASON = "The server running the job stopped.";
    static final String SHUTDOWN_REASON = "The server stopped while the job ran.";

    private static final Logger log = LoggerFactory.getLogger(JobService.class);

    /** The name of the jobs' {@link Section}. */
    static final String SECTION = "jobs";

    private final Section section;
    private final Node node;
    private final JobRepository repository;
    private final JobViews views;
    private final JobEvents events;
    private final Hub hub;
    private final Clock clock;
    private final FileAnalysis analysis;
    private final JobWorkers workers;
    private final Path files;

    /**
     * Deletes the files an earlier life of the app left in {@code files}; the jobs it left live are
     * failed as {@link #orphaned} ({@value #ORPHANED_REASON}) once {@code node} watches.
     */
    JobService(Section section, Node node, JobRepository repository, JobViews views, JobEvents events, Hub hub, Clock clock,
               FileAnalysis analysis, JobWorkers workers, Path files) {
        this.section = section;
        this.node = node;
        this.repository = repository;
        this.views = views;
        this.events = events;
        this.hub = hub;
        this.clock = clock;
        this.analysis = analysis;
        this.workers = workers;
        this.files = files;
        deleteFilesIn(files);
    }

    /**
     * Stores a queued job for an uploaded file, moves the file into place with {@code moveTo},
     * and hands the job to a worker.
     *
     * @throws JobsBusyException when every worker is busy and the queue is full; nothing is stored
     */
    public Job submit(String fileName, long size, FileMover moveTo) {
        if (!workers.reserve()) {
            throw new JobsBusyException("Too many jobs are running or queued; try again when one finishes.");
        }
        Job job = section.write(() -> {
            Job inserted = repository.insert(node.id(), fileName, size, clock.instant());
            try {
                moveTo.moveTo(fileOf(inserted.id()));
            } catch (IOException e) {
                workers.release();
                repository.ended(inserted.id(), JobStatus.FAILED, "The upload could not be kept on the server.", clock.instant());
                throw new UncheckedIOException("cannot move the upload of job " + inserted.id() + " into " + files, e);
            }
            events.added(inserted);
            return inserted;
        });
        long id = job.id();
        log.info("Job {} queued: {} ({} bytes)", id, fileName, size);
        workers.submit(id, cancelled -> run(id, cancelled));
        return job;
    }

    /**
     * Cancels a live job: on this node a queued one at once, a running one within a chunk of its
     * work; on another node, that node does so at its next {@link #tick} (see {@link Node}).
     */
    public Cancel cancel(long id) {
        return section.write(() -> {
            Job job = repository.find(id).orElse(null);
            if (job == null) {
                return Cancel.NO_SUCH_JOB;
            }
            if (!job.status().live()) {
                return Cancel.NOT_LIVE;
            }
            return cancelHere(job) || repository.requestCancel(id, node.id()) ? Cancel.REQUESTED : Cancel.NOT_LIVE;
        });
    }

    /** In a write of the section: cancels the live job if this node runs it; false when it does not. */
    private boolean cancelHere(Job job) {
        if (!workers.cancel(job.id())) {
            return false;
        }
        if (job.status() == JobStatus.QUEUED) {
            end(job.id(), () -> repository.ended(job.id(), JobStatus.CANCELLED, null, clock.instant()));
        }
        return true;
    }

    /** Cancels the jobs of this node that another node was asked to cancel. */
    @Override
    public void tick() {
        List<Long> asked = repository.cancelsAsked(node.id());
        if (!asked.isEmpty()) {
            section.write(() -> asked.forEach(id -> repository.find(id).filter(job -> job.status().live()).ifPresent(job -> {
                log.info("Job {} cancelled from another node", id);
                cancelHere(job);
            })));
        }
    }

    /** Fails the live jobs of nodes that are gone ({@value #ORPHANED_REASON}) and tells their pages. */
    @Override
    public void orphaned() {
        if (!repository.hasOrphans()) {
            return;
        }
        section.write(() -> {
            for (long id : repository.failOrphaned(ORPHANED_REASON, clock.instant())) {
                log.warn("Job {} was left live by a server that stopped: marked failed", id);
                events.ended(repository.find(id).orElseThrow());
            }
        });
    }

    /** What {@link #cancel} did. */
    public enum Cancel { REQUESTED, NOT_LIVE, NO_SUCH_JOB }

    /** The job's page as of now, with the position it was read at; empty when there is no such job. */
    public Optional<JobPage> page(long id) {
        return section.read(() -> {
            String position = hub.position();
            return repository.find(id).map(job -> new JobPage(position, job));
        });
    }

    /** The list as of now; {@code uploadMaxBytes} is shown beside the upload form. */
    public JobsPage listPage(long uploadMaxBytes) {
        return section.read(() -> {
            String position = hub.position();
            return new JobsPage(position, repository.newest(LIST_LIMIT), uploadMaxBytes);
        });
    }

    /**
     * The gap re-render of {@value #LIST_TOPIC} (the list's rows) or of a job's topic (its bar and
     * badge), read with the position in a read of the section.
     */
    @Override
    public Optional<Snapshot> snapshot(String topic) {
        if (topic.equals(LIST_TOPIC)) {
            JobsPage page = listPage(0);
            return Optional.of(Rerender.snapshot(page.position(),
                    List.of(Fragment.of(views.rows(page.jobs()), JobsPage.ADDED.target(), Swap.INNER_HTML))));
        }
        if (!topic.startsWith(Job.TOPIC_PREFIX)) {
            return Optional.empty();
        }
        long id;
        try {
            id = Long.parseLong(topic.substring(Job.TOPIC_PREFIX.length()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return page(id).map(page -> Rerender.snapshot(page.position(), List.of(
                Fragment.of(views.progress(page.job()), JobPage.PROGRESS.target(), Swap.INNER_HTML), views.status(page.job()))));
    }

    /**
     * Stops the workers; jobs they were running or holding end failed ({@value #SHUTDOWN_REASON}),
     * and their pages — on other nodes too — are told.
     */
    public void shutdown(Duration grace) {
        workers.shutdown(grace);
        section.write(() -> {
            for (long id : repository.failLive(node.id(), SHUTDOWN_REASON, clock.instant())) {
                events.ended(repository.find(id).orElseThrow());
            }
        });
    }

    private void run(long id, AtomicBoolean cancelled) {
        Path file = fileOf(id);
        try {
            if (start(id, cancelled)) {
                work(id, file, cancelled);
            }
        } finally {
            deleteQuietly(file);
        }
    }

    /** Marks the job running; false when it was cancelled while it waited (and has ended already). */
    private boolean start(long id, AtomicBoolean cancelled) {
        return section.write(() -> {
            if (cancelled.get()) {
                return false;
            }
            repository.started(id, FileAnalysis.Stage.HASHING.label, clock.instant());
            publishProgress(id);
            return true;
        });
    }

    private void work(long id, Path file, AtomicBoolean cancelled) {
        ProgressThrottle throttle = new ProgressThrottle();
        try {
            JobResult result = analysis.run(file, (stage, percent) -> {
                if (throttle.due(stage.label, percent, System.nanoTime())) {
                    changed(id, () -> repository.progressed(id, stage.label, percent));
                }
            }, cancelled::get);
            end(id, () -> repository.done(id, result, clock.instant()));
            log.info("Job {} done", id);
        } catch (CancellationException e) {
            end(id, () -> repository.ended(id, JobStatus.CANCELLED, null, clock.instant()));
            log.info("Job {} cancelled", id);
        } catch (InterruptedException | ClosedByInterruptException e) {
            end(id, () -> repository.ended(id, JobStatus.FAILED, SHUTDOWN_REASON, clock.instant()));
        } catch (IOException | RuntimeException e) {
            log.warn("Job {} failed", id, e);
            end(id, () -> repository.ended(id, JobStatus.FAILED, FailureReason.of(e), clock.instant()));
        }
    }

    /** Writes a progress change and publishes it. */
    private void changed(long id, Runnable write) {
        section.write(() -> {
            write.run();
            publishProgress(id);
        });
    }

    private void publishProgress(long id) {
        events.progressed(repository.find(id).orElseThrow());
    }

    /** Writes how the job ended and publishes it: the final progress, then the done event. */
    private void end(long id, Runnable write) {
        section.write(() -> {
            write.run();
            events.ended(repository.find(id).orElseThrow());
        });
    }

    private Path fileOf(long id) {
        return files.resolve(Long.toString(id));
    }

    private static void deleteFilesIn(Path directory) {
        try (var entries = Files.list(directory)) {
            entries.filter(Files::isRegularFile).forEach(JobService::deleteQuietly);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the job files in " + directory, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("cannot delete the job file {}: {}", file, e.toString());
        }
    }

    /** Moves an upload to where its job reads it. */
    @FunctionalInterface
    public interface FileMover {
        void moveTo(Path target) throws IOException;
    }

    /** Every worker is busy and the queue is full. */
    public static final class JobsBusyException extends RuntimeException {
        JobsBusyException(String message) {
            super(message);
        }
    }
}
