/**
 * Test support for stacks in JUnit 5: {@link io.compose4j.test.ComposeAssertions} (AssertJ
 * assertions on stacks, services and validation reports, with failure messages that quote the
 * YAML), golden files ({@link io.compose4j.test.Golden}) and validation of a folder of stack files
 * ({@link io.compose4j.test.StackFolder}).
 */
@NullMarked
package io.compose4j.test;

import org.jspecify.annotations.NullMarked;
