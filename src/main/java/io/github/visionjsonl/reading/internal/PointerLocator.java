package io.github.visionjsonl.reading.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Finds the column of a JSON pointer in a line by parsing it again. The binder does not keep the
 * location of every value (that would cost on every line); the few findings that need one after
 * binding ask here, while the line's bytes are still in the buffer.
 */
public final class PointerLocator {

    private PointerLocator() {
    }

    /**
     * The 1-based column of the value at {@code pointer}, or of its deepest existing ancestor
     * when the value itself is absent; 0 when the line cannot be walked.
     */
    public static int column(JsonFactory factory, byte[] buf, int start, int length, String pointer) {
        try (JsonParser p = factory.createParser(buf, start, length)) {
            JsonToken t = p.nextToken();
            int column = p.currentTokenLocation().getColumnNr();
            int from = 1;
            while (from <= pointer.length()) {
                int to = pointer.indexOf('/', from);
                if (to < 0) {
                    to = pointer.length();
                }
                String token = pointer.substring(from, to).replace("~1", "/").replace("~0", "~");
                from = to + 1;
                if (t == JsonToken.START_OBJECT) {
                    boolean found = false;
                    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                        if (p.currentName().equals(token)) {
                            t = p.nextToken();
                            found = true;
                            break;
                        }
                        p.nextToken();
                        p.skipChildren();
                    }
                    if (!found) {
                        return column;
                    }
                } else if (t == JsonToken.START_ARRAY) {
                    int index;
                    try {
                        index = Integer.parseInt(token);
                    } catch (NumberFormatException e) {
                        return column;
                    }
                    for (int i = 0; i <= index; i++) {
                        t = p.nextToken();
                        if (t == JsonToken.END_ARRAY) {
                            return column;
                        }
                        if (i < index) {
                            p.skipChildren();
                        }
                    }
                } else {
                    return column;
                }
                column = p.currentTokenLocation().getColumnNr();
            }
            return column;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
