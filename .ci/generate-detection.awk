# Writes n object-detection lines (1-4 boxes each) to standard output, for scale and memory
# checks. Deterministic for given arguments.
#   awk -v n=1000000 -f .ci/generate-detection.awk                        # 10 classes, no duplicates
#   awk -v n=1000000 -v classes=200 -v dup=10 -f .ci/generate-detection.awk
# With dup=k, every k-th line repeats the image of a line 5 before it (itself never a
# repeat), so the file has exactly int(n/k) duplicate images.
BEGIN {
  srand(11);
  if (classes == 0) classes = 10;
  for (i = 1; i <= n; i++) {
    image = i;
    if (dup > 0 && i % dup == 0) image = i - 5;
    k = 1 + int(rand() * 4);
    line = "{\"image_url\": \"AmlDatastore://workspaceblobstore/big/images/" image ".jpg\", \"image_details\": {\"format\": \"jpg\", \"width\": 640, \"height\": 480}, \"label\": [";
    for (b = 0; b < k; b++) {
      x = rand() * 0.5; y = rand() * 0.5; w = 0.05 + rand() * 0.4; h = 0.05 + rand() * 0.4;
      line = line (b ? ", " : "") sprintf("{\"label\": \"class_%03d\", \"topX\": %.4f, \"topY\": %.4f, \"bottomX\": %.4f, \"bottomY\": %.4f, \"isCrowd\": 0}", int(rand() * classes), x, y, x + w, y + h);
    }
    print line "]}";
  }
}
