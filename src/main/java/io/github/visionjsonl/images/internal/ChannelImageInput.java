package io.github.visionjsonl.images.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An ImageIO input over a file already open, read at positions: the decoder reads the very file
 * that was checked, not whatever its name leads to by the time it decodes, and nothing is cached
 * in memory or in temporary files. Closing it leaves the channel open.
 */
public final class ChannelImageInput extends ImageInputStreamImpl {

    private final FileChannel channel;
    private final ByteBuffer one = ByteBuffer.allocate(1);

    /** An input reading {@code channel} from its start. */
    public ChannelImageInput(FileChannel channel) {
        this.channel = channel;
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        one.clear();
        int n;
        do {
            n = channel.read(one, streamPos);
        } while (n == 0);
        if (n < 0) {
            return -1;
        }
        streamPos++;
        return one.get(0) & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkClosed();
        bitOffset = 0;
        if (len == 0) {
            return 0;
        }
        int n = channel.read(ByteBuffer.wrap(b, off, len), streamPos);
        if (n > 0) {
            streamPos += n;
        }
        return n;
    }

    @Override
    public long length() {
        try {
            return channel.size();
        } catch (IOException e) {
            return -1;
        }
    }
}
