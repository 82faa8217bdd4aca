/**
 * Capacity planning for Swarm stacks: a {@link io.compose4j.plan.Cluster} of nodes (read from YAML
 * by {@link io.compose4j.plan.ClusterReader} or built in Java), a {@link io.compose4j.plan.Planner}
 * that places a stack's tasks the way Swarm's scheduler (moby/swarmkit {@code manager/scheduler})
 * does, and the resulting {@link io.compose4j.plan.Plan}: tasks per node, unplaced tasks with
 * Swarm's reason, headroom, rolling-update room, what a lost node or zone does, and the cost from a
 * replaceable {@link io.compose4j.plan.PriceTable}.
 */
@NullMarked
package io.compose4j.plan;

import org.jspecify.annotations.NullMarked;
