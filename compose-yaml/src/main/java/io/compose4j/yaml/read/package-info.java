/**
 * Reading: YAML text into trees ({@link io.compose4j.yaml.read.YamlTreeReader}, {@link
 * io.compose4j.yaml.read.YNode}), interpolation ({@link io.compose4j.yaml.read.Interpolator}), and
 * loading a project: includes, {@code extends}, profiles and the merge of several files ({@link
 * io.compose4j.yaml.read.ProjectLoader}, {@link io.compose4j.yaml.read.TreeMerger}). Internal: used
 * by the readers of {@code io.compose4j.yaml} (and compose-plan, which reads its own YAML files
 * with the tree reader).
 */
package io.compose4j.yaml.read;
