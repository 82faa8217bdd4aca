/**
 * Reads a live Docker engine that is a Swarm manager: its nodes, the ingress network's subnets, the
 * existing secrets, configs and networks. {@link io.compose4j.docker.DockerCluster} gives them as a
 * compose-plan {@link io.compose4j.plan.Cluster} and a compose-validate {@link
 * io.compose4j.validate.ClusterState}.
 */
@NullMarked
package io.compose4j.docker;

import org.jspecify.annotations.NullMarked;
