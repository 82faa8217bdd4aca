package io.compose4j.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * Immutables style shared by every model type: the generated implementation is package-private and
 * hidden behind the public interface, each type nests its own {@code Builder} ("sandwich"),
 * collection setters are depluralized ({@code addPort}, {@code putLabel}) and only the JDK is used
 * at run time. No annotation found on the build's classpath is copied into the generated code (only
 * {@code @Override} is allowed): Immutables would otherwise mark every generated class with
 * {@code @org.immutables.value.Generated}, whose class users do not have, and javac warns "Cannot
 * find annotation method 'from()'" in every consumer compiled with {@code -Xlint:all}.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.SOURCE)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    allowedClasspathAnnotations = {Override.class},
    attributeBuilderDetection = true,
    depluralize = true,
    depluralizeDictionary = {
      "alias:aliases",
      "address:addresses",
      "capability:capabilities",
      "tmpfs:tmpfs",
      "dns:dns",
      "include:include",
      "ignore:ignore",
      "watch:watch"
    },
    defaults = @Value.Immutable(copy = false))
@interface ComposeStyle {}
