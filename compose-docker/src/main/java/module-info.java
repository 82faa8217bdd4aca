/**
 * What a live Docker engine's swarm has (nodes, secrets, configs, networks, the ingress subnet),
 * read through its Engine API for the validator and the planner: {@code DockerCluster}.
 */
module io.compose4j.docker {
  requires transitive io.compose4j.plan;
  requires transitive io.compose4j.validate;
  requires static transitive org.jspecify;
  // DockerCluster.of takes the Engine API's answers as Jackson trees (JsonNode)
  requires transitive com.fasterxml.jackson.databind;
  // docker-java's jars are automatic modules (stable names from their Automatic-Module-Name);
  // the pom turns off javac's requires-automatic lint for this module only
  requires com.github.dockerjava.core;
  requires com.github.dockerjava.transport;
  requires com.github.dockerjava.transport.zerodep;
  // automatic modules declare no dependencies: the named modules docker-java uses at run time
  // (its pom's compile dependencies) are required here, or the module path would not resolve
  // them (NoClassDefFoundError: org/apache/commons/lang3/BooleanUtils, ModulePathTest)
  requires org.slf4j;
  requires org.apache.commons.io;
  requires org.apache.commons.compress;
  requires org.apache.commons.lang3;
  requires com.google.common;
  requires org.bouncycastle.pkix;

  exports io.compose4j.docker;
}
