/**
 * The HTML report ({@link io.github.visionjsonl.html.HtmlReport}): one self-contained page with
 * verdicts, the rules that fired, charts and annotated thumbnails; and the drawing of annotations
 * onto images ({@link io.github.visionjsonl.html.AnnotatedImages}).
 */
package io.github.visionjsonl.html;
