/**
 * Scoring responses of deployed models: typed predictions, read and checked from a JSON file, a
 * JSON array or JSON Lines ({@link io.github.visionjsonl.predict.PredictionReader}), evaluated
 * against ground truth ({@link io.github.visionjsonl.predict.Evaluator}), and turned into
 * training labels ({@link io.github.visionjsonl.predict.PseudoLabels}).
 */
package io.github.visionjsonl.predict;
