package io.github.visionjsonl.images.internal.content;

/**
 * What the decoded pixels say about an image, measured on a copy of at most
 * {@link ContentAnalysis#WORKING_SIZE} pixels a side so that the thresholds mean the same for any
 * resolution.
 *
 * @param brightness mean luminance, 0 (black) to 255 (white)
 * @param contrast standard deviation of the luminance
 * @param sharpness variance of the Laplacian of the luminance (blur makes it small)
 * @param colourfulness mean distance of a pixel's channels from its grey, 0 for a grey image
 * @param spread the largest standard deviation of the red, green and blue channels (one colour: near 0)
 */
public record Measures(double brightness, double contrast, double sharpness, double colourfulness, double spread) {

    /** Measures packed RGB pixels of a {@code width x height} image. */
    static Measures of(int[] rgb, int width, int height) {
        int n = width * height;
        float[] luma = new float[n];
        double sum = 0;
        double sumSq = 0;
        double chroma = 0;
        double[] channel = new double[3];
        double[] channelSq = new double[3];
        for (int i = 0; i < n; i++) {
            int p = rgb[i];
            int r = (p >> 16) & 0xff;
            int g = (p >> 8) & 0xff;
            int b = p & 0xff;
            float y = 0.299f * r + 0.587f * g + 0.114f * b;
            luma[i] = y;
            sum += y;
            sumSq += (double) y * y;
            chroma += (Math.abs(r - y) + Math.abs(g - y) + Math.abs(b - y)) / 3;
            channel[0] += r;
            channel[1] += g;
            channel[2] += b;
            channelSq[0] += r * r;
            channelSq[1] += g * g;
            channelSq[2] += b * b;
        }
        double mean = sum / n;
        double contrast = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        double spread = 0;
        for (int c = 0; c < 3; c++) {
            double m = channel[c] / n;
            spread = Math.max(spread, Math.sqrt(Math.max(0, channelSq[c] / n - m * m)));
        }
        return new Measures(mean, contrast, laplacianVariance(luma, width, height), chroma / n, spread);
    }

    /** The variance of the 4-neighbour Laplacian over the inner pixels. */
    private static double laplacianVariance(float[] y, int w, int h) {
        if (w < 3 || h < 3) {
            return 0;
        }
        double sum = 0;
        double sumSq = 0;
        long count = 0;
        for (int row = 1; row < h - 1; row++) {
            int at = row * w;
            for (int x = 1; x < w - 1; x++) {
                double l = y[at + x - 1] + y[at + x + 1] + y[at + x - w] + y[at + x + w] - 4.0 * y[at + x];
                sum += l;
                sumSq += l * l;
                count++;
            }
        }
        double mean = sum / count;
        return sumSq / count - mean * mean;
    }
}
