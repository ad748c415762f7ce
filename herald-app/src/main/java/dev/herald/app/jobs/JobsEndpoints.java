package dev.herald.app.jobs;

import dev.herald.app.AppConfig;
import dev.herald.app.db.Database;
import dev.herald.app.node.Node;
import dev.herald.app.notifications.NotificationService;
import dev.herald.app.notifications.Unread;
import dev.herald.app.web.Dialects;
import dev.herald.app.web.NotFoundException;
import dev.herald.app.web.Responses;
import dev.herald.app.web.Router;
import dev.herald.htmx.Htmx;
import dev.herald.htmx.JteRenderer;
import dev.herald.htmx.PageStream;
import dev.herald.hub.Hub;
import dev.herald.hub.SnapshotSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The jobs feature over HTTP: the list and upload form at {@code /jobs}, {@code POST /jobs} (a
 * multipart upload), a job's page at {@code /jobs/{id}} and {@code POST /jobs/{id}/cancel}.
 */
public final class JobsEndpoints implements AutoCloseable {

    /** Jobs held beyond the running ones before uploads are refused (503): the queue's bound. */
    static final int MAX_WAITING = 100;

    private final JobService service;
    private final JobViews views;
    private final Htmx htmx;
    private final NotificationService notifications;
    private final Uploads uploads;
    private final long uploadMaxBytes;

    private JobsEndpoints(JobService service, JobViews views, Htmx htmx, NotificationService notifications, Uploads uploads,
                          long uploadMaxBytes) {
        this.service = service;
        this.views = views;
        this.htmx = htmx;
        this.notifications = notifications;
        this.uploads = uploads;
        this.uploadMaxBytes = uploadMaxBytes;
    }

    /**
     * The feature, storing rows in {@code database} and files under {@code dataDir/jobs/}, running
     * jobs on {@code node}. Jobs gone nodes left unfinished are failed once the node watches
     * {@link #watcher()}.
     */
    public static JobsEndpoints create(Database database, Node node, Hub hub, Htmx htmx, JteRenderer templates, Clock clock,
                                       Path dataDir, AppConfig.Jobs settings, NotificationService notifications) {
        Path root = dataDir.resolve("jobs");
        Path files = root.resolve("files");
        try {
            Files.createDirectories(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the jobs directory " + files, e);
        }
        JobViews views = new JobViews(templates);
        JobService service = new JobService(database.section(JobService.SECTION), node, new JobRepository(database), views,
                new JobEvents(htmx, views), hub, clock,
                new FileAnalysis(settings.readBytesPerSecond()), new JobWorkers(settings.workers(), MAX_WAITING), files);
        return new JobsEndpoints(service, views, htmx, notifications,
                new Uploads(root.resolve("incoming"), settings.uploadMaxBytes()), settings.uploadMaxBytes());
    }

    /** What the node has the jobs do: fail those of gone nodes, cancel those other nodes were asked to. */
    public Node.Watcher watcher() {
        return service;
    }

    /** The gap re-render of the jobs' topics. */
    public SnapshotSource snapshots() {
        return service;
    }

    public Router.Builder routes(Router.Builder router) {
        return router
                .get("/jobs", this::list)
                .post("/jobs", this::upload)
                .get("/jobs/{id}", this::job)
                .post("/jobs/{id}/cancel", this::cancel);
    }

    private void list(Request request, Response response, Callback callback) {
        JobsPage page = service.listPage(uploadMaxBytes);
        int unread = notifications.unreadCount(); // after the position: see Unread
        PageStream stream = htmx.page(Dialects.of(request, htmx), page.position(),
                List.of(JobService.LIST_TOPIC, Unread.TOPIC), List.of(JobsPage.ADDED, JobsPage.ROWS, Unread.CONTRACT));
        Responses.html(response, callback, HttpStatus.OK_200, views.listPage(page, stream, unread));
    }

    /**
     * Stored: 303 to the job's page, or for htmx 201 with {@code HX-Redirect} (htmx would follow a
     * 303 itself and swap the page into the form). Refused: the status and a one-line reason.
     */
    private void upload(Request request, Response response, Callback callback) throws IOException {
        Job job;
        try (ReceivedUpload upload = uploads.receive(request)) {
            job = service.submit(upload.fileName(), upload.size(), upload::moveTo);
        } catch (UploadRefusedException e) {
            Responses.text(response, callback, e.status, e.getMessage());
            return;
        } catch (JobService.JobsBusyException e) {
            Responses.text(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, e.getMessage());
            return;
        }
        if (request.getHeaders().contains("HX-Request")) {
            response.getHeaders().put("HX-Redirect", job.path());
            Responses.empty(response, callback, HttpStatus.CREATED_201);
        } else {
            response.getHeaders().put(HttpHeader.LOCATION, job.path());
            Responses.empty(response, callback, HttpStatus.SEE_OTHER_303);
        }
    }

    private void job(Request request, Response response, Callback callback) {
        long id = jobId(request);
        JobPage page = id < 0 ? null : service.page(id).orElse(null);
        if (page == null) {
            throw notFound(id);
        }
        int unread = notifications.unreadCount();
        // A finished job's page renders no connection at all: it is static (the guide's rule).
        PageStream stream = page.live()
                ? htmx.page(Dialects.of(request, htmx), page.position(), List.of(page.job().topic(), Unread.TOPIC),
                        List.of(JobPage.PROGRESS, JobPage.DONE, Unread.CONTRACT)).closeOn(JobPage.DONE)
                : htmx.page(Dialects.of(request, htmx), page.position(), List.of(Unread.TOPIC), List.of());
        Responses.html(response, callback, HttpStatus.OK_200, views.jobPage(page, stream, unread));
    }

    /** 204 when cancelling (the page learns the outcome through its stream); 409 when the job already ended. */
    private void cancel(Request request, Response response, Callback callback) {
        long id = jobId(request);
        switch (id < 0 ? JobService.Cancel.NO_SUCH_JOB : service.cancel(id)) {
            case REQUESTED -> Responses.empty(response, callback, HttpStatus.NO_CONTENT_204);
            case NOT_LIVE -> Responses.text(response, callback, HttpStatus.CONFLICT_409, "Job " + id + " has already ended.");
            case NO_SUCH_JOB -> throw notFound(id);
        }
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException(id < 0 ? "No job (the id must be a number: /jobs/1)." : "No job " + id);
    }

    /** The job id in the path, or -1 when it is not one. */
    private static long jobId(Request request) {
        try {
            return Long.parseLong(Router.parameter(request));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Stops the workers: running jobs end failed, as interrupted by a shutdown. */
    @Override
    public void close() {
        service.shutdown(Duration.ofSeconds(5));
    }
}
