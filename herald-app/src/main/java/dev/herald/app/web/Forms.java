package dev.herald.app.web;

import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/** Reads {@code application/x-www-form-urlencoded} request bodies, bounded. */
public final class Forms {

    /** Fields a form may have: more is not a form of this app (a DoS guard). */
    static final int MAX_FIELDS = 20;
    /** Encoded bytes a form may have: a 5,000-character body percent-encoded stays well below. */
    static final int MAX_BYTES = 128 * 1024;

    private Forms() {
    }

    /**
     * The request's form fields, read blocking.
     *
     * @throws BadRequestException when the body cannot be read as a form within the bounds, or holds a NUL
     */
    public static Fields read(Request request) {
        Fields fields;
        try {
            fields = FormFields.getFields(request, MAX_FIELDS, MAX_BYTES);
        } catch (RuntimeException e) {
            throw new BadRequestException("Cannot read the form (at most " + MAX_FIELDS + " fields, "
                    + MAX_BYTES + " bytes): " + e.getMessage(), e);
        }
        // Nobody types NUL, and PostgreSQL's text cannot hold it: the insert would fail, as a 500.
        for (Fields.Field field : fields) {
            if (field.getName().indexOf('\0') >= 0) {
                throw new BadRequestException("A form field's name cannot contain the NUL character.", null);
            }
            if (field.getValues().stream().anyMatch(value -> value.indexOf('\0') >= 0)) {
                throw new BadRequestException("The form field " + field.getName() + " cannot contain the NUL character.", null);
            }
        }
        return fields;
    }
}
