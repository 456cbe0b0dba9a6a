# Writes n object-detection lines (1-4 boxes each, 10 classes) to standard output, for scale
# and memory checks: awk -v n=1000000 -f .ci/generate-detection.awk
# The lines are valid; the output is deterministic for a given n.
BEGIN {
  srand(11);
  split("can carton milk_bottle water_bottle bowl cup plate knife fork spoon", cls, " ");
  for (i = 1; i <= n; i++) {
    k = 1 + int(rand() * 4);
    line = "{\"image_url\": \"AmlDatastore://workspaceblobstore/big/images/" i ".jpg\", \"image_details\": {\"format\": \"jpg\", \"width\": 640, \"height\": 480}, \"label\": [";
    for (b = 0; b < k; b++) {
      x = rand() * 0.5; y = rand() * 0.5; w = 0.05 + rand() * 0.4; h = 0.05 + rand() * 0.4;
      line = line (b ? ", " : "") sprintf("{\"label\": \"%s\", \"topX\": %.4f, \"topY\": %.4f, \"bottomX\": %.4f, \"bottomY\": %.4f, \"isCrowd\": 0}", cls[1 + int(rand() * 10)], x, y, x + w, y + h);
    }
    print line "]}";
  }
}
