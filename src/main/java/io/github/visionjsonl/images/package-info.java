/** The opt-in checks of the image files a dataset points at: options, URL mapping, header reading. */
package io.github.visionjsonl.images;
