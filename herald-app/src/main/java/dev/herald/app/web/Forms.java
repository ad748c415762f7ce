package dev.herald.app.web;

import java.util.Locale;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/** Reads {@code application/x-www-form-urlencoded} request bodies, bounded, and query strings. */
public final class Forms {

    /** Fields a form may have: more is not a form of this app (a DoS guard). */
    static final int MAX_FIELDS = 20;
    /** Encoded bytes a form may have: a 5,000-character body percent-encoded stays well below. */
    static final int MAX_BYTES = 128 * 1024;

    private Forms() {
    }

    /**
     * The request's form fields, read blocking. A request without a {@code Content-Type} is read as
     * a form (an empty post from a script).
     *
     * @throws BadRequestException 415 when the body is of another type (JSON, say), 413 when it is past
     *                             the bounds, 400 when it is not percent-encoding or holds a NUL
     */
    public static Fields read(Request request) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        String base = type == null ? null : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (base != null && !MimeTypes.Type.FORM_ENCODED.is(base)) {
            throw new BadRequestException(HttpStatus.UNSUPPORTED_MEDIA_TYPE_415, "Send the form as "
                    + MimeTypes.Type.FORM_ENCODED.asString() + ", not " + Responses.shown(base) + ".", null);
        }
        Fields fields;
        try {
            fields = FormFields.getFields(request, MAX_FIELDS, MAX_BYTES);
        } catch (RuntimeException e) {
            if (status(e) == HttpStatus.PAYLOAD_TOO_LARGE_413) {
                throw new BadRequestException(HttpStatus.PAYLOAD_TOO_LARGE_413, "The form is larger than "
                        + ByteSize.text(MAX_BYTES) + " or has more than " + MAX_FIELDS + " fields.", e);
            }
            throw new BadRequestException("The form is not valid percent-encoding.", e);
        }
        // Nobody types NUL, and PostgreSQL's text cannot hold it: the insert would fail, as a 500.
        for (Fields.Field field : fields) {
            if (field.getName().indexOf('\0') >= 0) {
                throw new BadRequestException("A form field's name cannot contain the NUL character.", null);
            }
            if (field.getValues().stream().anyMatch(value -> value.indexOf('\0') >= 0)) {
                throw new BadRequestException("The form field " + Responses.shown(field.getName())
                        + " cannot contain the NUL character.", null);
            }
        }
        return fields;
    }

    /**
     * The request's query parameters.
     *
     * @throws BadRequestException when the query string is not valid percent-encoding
     */
    public static Fields query(Request request) {
        try {
            return Request.extractQueryParameters(request);
        } catch (RuntimeException e) {
            throw new BadRequestException("The query string is not valid percent-encoding.", e);
        }
    }

    /** The HTTP status Jetty gave the failure (in it or a cause), or 0. */
    private static int status(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return http.getCode();
            }
        }
        return 0;
    }
}
