package io.github.visionjsonl.reading.internal.binding;

/**
 * One line of the input as a worker gets it: its number, its bytes in a buffer, and what the
 * line splitter already knows of it. Refilled for every line by whoever hands lines to a worker
 * (one per thread), so that handing one over costs no allocation; {@link #of} sets what every
 * line has and resets the rest to the defaults of a line alone in its buffer.
 */
public final class InputLine {

    private long number;
    private byte[] buffer;
    private int start;
    private int length;
    private int dataEnd;
    private long epoch;
    private long skippedLength;
    private boolean byteOrderMark;
    private boolean ascii;

    /**
     * Makes this the line {@code number} in {@code buffer[start, start + length)}, without its
     * terminator: alone in its buffer, within the length limit, no byte order mark, not known to
     * be ASCII.
     */
    public InputLine of(long number, byte[] buffer, int start, int length) {
        this.number = number;
        this.buffer = buffer;
        this.start = start;
        this.length = length;
        this.dataEnd = start + length;
        this.epoch = -1;
        this.skippedLength = -1;
        this.byteOrderMark = false;
        this.ascii = false;
        return this;
    }

    /**
     * Says that the buffer may be read past the line, up to {@code dataEnd}: the line and what
     * follows it up to there stay unchanged while the buffer's content version {@code epoch}
     * does (-1: not to be read past the line).
     */
    public InputLine readableTo(int dataEnd, long epoch) {
        this.dataEnd = dataEnd;
        this.epoch = epoch;
        return this;
    }

    /** Says that the line was over the length limit, of this length, and not buffered (-1: it was not). */
    public InputLine skipped(long skippedLength) {
        this.skippedLength = skippedLength;
        return this;
    }

    /** Says whether the file's byte order mark was taken off the start of this line. */
    public InputLine byteOrderMark(boolean byteOrderMark) {
        this.byteOrderMark = byteOrderMark;
        return this;
    }

    /** Says whether the line is known to be plain ASCII (then it needs no UTF-8 check). */
    public InputLine ascii(boolean ascii) {
        this.ascii = ascii;
        return this;
    }

    /** The 1-based line number. */
    public long number() {
        return number;
    }

    /** The buffer holding the line. */
    public byte[] buffer() {
        return buffer;
    }

    /** Where the line starts in the buffer. */
    public int start() {
        return start;
    }

    /** The line's length in bytes, without its terminator (0 when skipped). */
    public int length() {
        return length;
    }

    /** Where the line ends in the buffer. */
    public int end() {
        return start + length;
    }

    /** Where the bytes of the buffer that may be read end (see {@link #readableTo}). */
    public int dataEnd() {
        return dataEnd;
    }

    /** The buffer's content version, -1 when it is not to be read past the line. */
    public long epoch() {
        return epoch;
    }

    /** The length of a line over the limit, or -1. */
    public long skippedLength() {
        return skippedLength;
    }

    /** Whether the file's byte order mark was taken off this line. */
    public boolean hasByteOrderMark() {
        return byteOrderMark;
    }

    /** Whether the line is known to be plain ASCII. */
    public boolean isAscii() {
        return ascii;
    }
}
