package io.compose4j.validate;

import io.compose4j.validate.ConstraintScreen.Bound;
import io.compose4j.validate.ConstraintScreen.Declared;
import io.compose4j.validate.ConstraintScreen.Spec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What every class of the model declares for {@link ConstraintScreen}, so that a run reads no
 * annotation: the classes that declare nothing it needs, and for the others their constrained and
 * cascaded accessors. {@code ScreenTableTest} requires this to be exactly what {@link
 * ConstraintScreen#derive} reads from the annotations, and prints the table to paste here when the
 * model's constraints change. A class missing here is read from its annotations.
 */
final class ScreenTable {
  private ScreenTable() {}

  /** What a model class declares, or null when the table does not know it. */
  static @Nullable Declared declared(String className) {
    Declared d = DECLARED.get(className);
    if (d == null && NOTHING.contains(className)) {
      return EMPTY;
    }
    return d;
  }

  /** The number of classes the table knows. */
  static int size() {
    return NOTHING.size() + DECLARED.size();
  }

  private static final Declared EMPTY = new Declared(true, List.of());

  private static Declared declared(boolean understood, Spec... specs) {
    return new Declared(understood, List.of(specs));
  }

  private static Spec spec(
      String accessor, boolean cascadeValue, boolean cascadeElements, Bound... bounds) {
    return new Spec(accessor, List.of(bounds), cascadeValue, cascadeElements);
  }

  private static Bound bound(String limit, boolean lower, boolean inclusive) {
    return new Bound(new BigDecimal(limit), lower, inclusive);
  }

  /** The model classes that declare no constraint and no cascade. */
  static final Set<String> NOTHING =
      Set.of(
          "io.compose4j.model.BlkioConfig$Builder",
          "io.compose4j.model.BlkioLimit",
          "io.compose4j.model.BlkioLimit$Builder",
          "io.compose4j.model.BlkioWeight",
          "io.compose4j.model.BlkioWeight$Builder",
          "io.compose4j.model.Build",
          "io.compose4j.model.Build$Builder",
          "io.compose4j.model.ByteSize",
          "io.compose4j.model.ComposeKeys",
          "io.compose4j.model.ComposeKeys$Access",
          "io.compose4j.model.ComposeKeys$Accessor",
          "io.compose4j.model.ComposeKeys$ConfigAccess",
          "io.compose4j.model.ComposeKeys$DeployAccess",
          "io.compose4j.model.ComposeKeys$Key",
          "io.compose4j.model.ComposeKeys$Merge",
          "io.compose4j.model.ComposeKeys$NetworkAccess",
          "io.compose4j.model.ComposeKeys$SecretAccess",
          "io.compose4j.model.ComposeKeys$ServiceAccess",
          "io.compose4j.model.ComposeKeys$Shape",
          "io.compose4j.model.ComposeKeys$Swarm",
          "io.compose4j.model.ComposeKeys$Table",
          "io.compose4j.model.ComposeKeys$VolumeAccess",
          "io.compose4j.model.ComposeStyle",
          "io.compose4j.model.Config",
          "io.compose4j.model.Config$Builder",
          "io.compose4j.model.Constraint",
          "io.compose4j.model.Constraint$Operator",
          "io.compose4j.model.Cpus",
          "io.compose4j.model.CredentialSpec",
          "io.compose4j.model.CredentialSpec$Builder",
          "io.compose4j.model.DependsOn",
          "io.compose4j.model.DependsOn$Builder",
          "io.compose4j.model.Deploy$Builder",
          "io.compose4j.model.Develop",
          "io.compose4j.model.Develop$Builder",
          "io.compose4j.model.Device",
          "io.compose4j.model.Device$Builder",
          "io.compose4j.model.DeviceRequest",
          "io.compose4j.model.DeviceRequest$Builder",
          "io.compose4j.model.Diagnostic",
          "io.compose4j.model.EnvFile",
          "io.compose4j.model.EnvFile$Builder",
          "io.compose4j.model.Extends",
          "io.compose4j.model.Extends$Builder",
          "io.compose4j.model.FileMode",
          "io.compose4j.model.GenericResource",
          "io.compose4j.model.GenericResource$Builder",
          "io.compose4j.model.GoDuration",
          "io.compose4j.model.Healthcheck$Builder",
          "io.compose4j.model.ImageRef",
          "io.compose4j.model.ImmutableBlkioConfig",
          "io.compose4j.model.ImmutableBlkioConfig$Builder",
          "io.compose4j.model.ImmutableBlkioLimit",
          "io.compose4j.model.ImmutableBlkioLimit$Builder",
          "io.compose4j.model.ImmutableBlkioWeight",
          "io.compose4j.model.ImmutableBlkioWeight$Builder",
          "io.compose4j.model.ImmutableBuild",
          "io.compose4j.model.ImmutableBuild$Builder",
          "io.compose4j.model.ImmutableConfig",
          "io.compose4j.model.ImmutableConfig$Builder",
          "io.compose4j.model.ImmutableCredentialSpec",
          "io.compose4j.model.ImmutableCredentialSpec$Builder",
          "io.compose4j.model.ImmutableDependsOn",
          "io.compose4j.model.ImmutableDependsOn$Builder",
          "io.compose4j.model.ImmutableDependsOn$InitShim",
          "io.compose4j.model.ImmutableDeploy",
          "io.compose4j.model.ImmutableDeploy$Builder",
          "io.compose4j.model.ImmutableDevelop",
          "io.compose4j.model.ImmutableDevelop$Builder",
          "io.compose4j.model.ImmutableDevice",
          "io.compose4j.model.ImmutableDevice$Builder",
          "io.compose4j.model.ImmutableDeviceRequest",
          "io.compose4j.model.ImmutableDeviceRequest$Builder",
          "io.compose4j.model.ImmutableEnvFile",
          "io.compose4j.model.ImmutableEnvFile$Builder",
          "io.compose4j.model.ImmutableExtends",
          "io.compose4j.model.ImmutableExtends$Builder",
          "io.compose4j.model.ImmutableGenericResource",
          "io.compose4j.model.ImmutableGenericResource$Builder",
          "io.compose4j.model.ImmutableHealthcheck",
          "io.compose4j.model.ImmutableHealthcheck$Builder",
          "io.compose4j.model.ImmutableInclude",
          "io.compose4j.model.ImmutableInclude$Builder",
          "io.compose4j.model.ImmutableIpam",
          "io.compose4j.model.ImmutableIpam$Builder",
          "io.compose4j.model.ImmutableIpamConfig",
          "io.compose4j.model.ImmutableIpamConfig$Builder",
          "io.compose4j.model.ImmutableLogging",
          "io.compose4j.model.ImmutableLogging$Builder",
          "io.compose4j.model.ImmutableModel",
          "io.compose4j.model.ImmutableModel$Builder",
          "io.compose4j.model.ImmutableMount",
          "io.compose4j.model.ImmutableMount$Builder",
          "io.compose4j.model.ImmutableMountBind",
          "io.compose4j.model.ImmutableMountBind$Builder",
          "io.compose4j.model.ImmutableMountImage",
          "io.compose4j.model.ImmutableMountImage$Builder",
          "io.compose4j.model.ImmutableMountTmpfs",
          "io.compose4j.model.ImmutableMountTmpfs$Builder",
          "io.compose4j.model.ImmutableMountVolume",
          "io.compose4j.model.ImmutableMountVolume$Builder",
          "io.compose4j.model.ImmutableNetwork",
          "io.compose4j.model.ImmutableNetwork$Builder",
          "io.compose4j.model.ImmutablePlacement",
          "io.compose4j.model.ImmutablePlacement$Builder",
          "io.compose4j.model.ImmutablePlacementPreference",
          "io.compose4j.model.ImmutablePlacementPreference$Builder",
          "io.compose4j.model.ImmutablePortMapping",
          "io.compose4j.model.ImmutablePortMapping$Builder",
          "io.compose4j.model.ImmutableProvider",
          "io.compose4j.model.ImmutableProvider$Builder",
          "io.compose4j.model.ImmutableResource",
          "io.compose4j.model.ImmutableResource$Builder",
          "io.compose4j.model.ImmutableResources",
          "io.compose4j.model.ImmutableResources$Builder",
          "io.compose4j.model.ImmutableRestartPolicy",
          "io.compose4j.model.ImmutableRestartPolicy$Builder",
          "io.compose4j.model.ImmutableRollbackConfig",
          "io.compose4j.model.ImmutableRollbackConfig$Builder",
          "io.compose4j.model.ImmutableSecret",
          "io.compose4j.model.ImmutableSecret$Builder",
          "io.compose4j.model.ImmutableService",
          "io.compose4j.model.ImmutableService$Builder",
          "io.compose4j.model.ImmutableServiceConfig",
          "io.compose4j.model.ImmutableServiceConfig$Builder",
          "io.compose4j.model.ImmutableServiceHook",
          "io.compose4j.model.ImmutableServiceHook$Builder",
          "io.compose4j.model.ImmutableServiceModel",
          "io.compose4j.model.ImmutableServiceModel$Builder",
          "io.compose4j.model.ImmutableServiceNetwork",
          "io.compose4j.model.ImmutableServiceNetwork$Builder",
          "io.compose4j.model.ImmutableServiceSecret",
          "io.compose4j.model.ImmutableServiceSecret$Builder",
          "io.compose4j.model.ImmutableStack",
          "io.compose4j.model.ImmutableStack$Builder",
          "io.compose4j.model.ImmutableUlimit",
          "io.compose4j.model.ImmutableUlimit$Builder",
          "io.compose4j.model.ImmutableUpdateConfig",
          "io.compose4j.model.ImmutableUpdateConfig$Builder",
          "io.compose4j.model.ImmutableVolume",
          "io.compose4j.model.ImmutableVolume$Builder",
          "io.compose4j.model.ImmutableWatchRule",
          "io.compose4j.model.ImmutableWatchRule$Builder",
          "io.compose4j.model.Include",
          "io.compose4j.model.Include$Builder",
          "io.compose4j.model.Ipam",
          "io.compose4j.model.Ipam$Builder",
          "io.compose4j.model.IpamConfig",
          "io.compose4j.model.IpamConfig$Builder",
          "io.compose4j.model.Logging",
          "io.compose4j.model.Logging$Builder",
          "io.compose4j.model.Model",
          "io.compose4j.model.Model$Builder",
          "io.compose4j.model.Mount",
          "io.compose4j.model.Mount$Builder",
          "io.compose4j.model.MountBind",
          "io.compose4j.model.MountBind$Builder",
          "io.compose4j.model.MountImage",
          "io.compose4j.model.MountImage$Builder",
          "io.compose4j.model.MountTmpfs",
          "io.compose4j.model.MountTmpfs$Builder",
          "io.compose4j.model.MountVolume",
          "io.compose4j.model.MountVolume$Builder",
          "io.compose4j.model.NestedKeys",
          "io.compose4j.model.NestedKeys$BlkioConfigAccess",
          "io.compose4j.model.NestedKeys$BlkioLimitAccess",
          "io.compose4j.model.NestedKeys$BlkioWeightAccess",
          "io.compose4j.model.NestedKeys$BuildAccess",
          "io.compose4j.model.NestedKeys$CredentialSpecAccess",
          "io.compose4j.model.NestedKeys$DependsOnAccess",
          "io.compose4j.model.NestedKeys$DevelopAccess",
          "io.compose4j.model.NestedKeys$DeviceAccess",
          "io.compose4j.model.NestedKeys$DeviceRequestAccess",
          "io.compose4j.model.NestedKeys$EnvFileAccess",
          "io.compose4j.model.NestedKeys$ExtendsAccess",
          "io.compose4j.model.NestedKeys$GenericResourceAccess",
          "io.compose4j.model.NestedKeys$HealthcheckAccess",
          "io.compose4j.model.NestedKeys$IncludeAccess",
          "io.compose4j.model.NestedKeys$IpamAccess",
          "io.compose4j.model.NestedKeys$IpamConfigAccess",
          "io.compose4j.model.NestedKeys$LoggingAccess",
          "io.compose4j.model.NestedKeys$ModelAccess",
          "io.compose4j.model.NestedKeys$MountAccess",
          "io.compose4j.model.NestedKeys$MountBindAccess",
          "io.compose4j.model.NestedKeys$MountImageAccess",
          "io.compose4j.model.NestedKeys$MountTmpfsAccess",
          "io.compose4j.model.NestedKeys$MountVolumeAccess",
          "io.compose4j.model.NestedKeys$PlacementAccess",
          "io.compose4j.model.NestedKeys$PlacementPreferenceAccess",
          "io.compose4j.model.NestedKeys$PortMappingAccess",
          "io.compose4j.model.NestedKeys$ProviderAccess",
          "io.compose4j.model.NestedKeys$ResourceAccess",
          "io.compose4j.model.NestedKeys$ResourcesAccess",
          "io.compose4j.model.NestedKeys$RestartPolicyAccess",
          "io.compose4j.model.NestedKeys$RollbackConfigAccess",
          "io.compose4j.model.NestedKeys$Rows",
          "io.compose4j.model.NestedKeys$ServiceConfigAccess",
          "io.compose4j.model.NestedKeys$ServiceHookAccess",
          "io.compose4j.model.NestedKeys$ServiceModelAccess",
          "io.compose4j.model.NestedKeys$ServiceNetworkAccess",
          "io.compose4j.model.NestedKeys$ServiceSecretAccess",
          "io.compose4j.model.NestedKeys$StackAccess",
          "io.compose4j.model.NestedKeys$UlimitAccess",
          "io.compose4j.model.NestedKeys$UpdateConfigAccess",
          "io.compose4j.model.NestedKeys$WatchRuleAccess",
          "io.compose4j.model.Network",
          "io.compose4j.model.Network$Builder",
          "io.compose4j.model.NodeAttribute",
          "io.compose4j.model.NodeRole",
          "io.compose4j.model.Placement$Builder",
          "io.compose4j.model.PlacementPreference",
          "io.compose4j.model.PlacementPreference$Builder",
          "io.compose4j.model.PortMapping$Builder",
          "io.compose4j.model.PortMapping$TooManyPortsException",
          "io.compose4j.model.PortSpecs",
          "io.compose4j.model.Provider",
          "io.compose4j.model.Provider$Builder",
          "io.compose4j.model.RawValue",
          "io.compose4j.model.RawValue$Bool",
          "io.compose4j.model.RawValue$Float",
          "io.compose4j.model.RawValue$Int",
          "io.compose4j.model.RawValue$Mapping",
          "io.compose4j.model.RawValue$Null",
          "io.compose4j.model.RawValue$Seq",
          "io.compose4j.model.RawValue$Str",
          "io.compose4j.model.Resource",
          "io.compose4j.model.Resource$Builder",
          "io.compose4j.model.Resources",
          "io.compose4j.model.Resources$Builder",
          "io.compose4j.model.RestartPolicy$Builder",
          "io.compose4j.model.RollbackConfig$Builder",
          "io.compose4j.model.Secret",
          "io.compose4j.model.Secret$Builder",
          "io.compose4j.model.Service$Builder",
          "io.compose4j.model.ServiceConfig",
          "io.compose4j.model.ServiceConfig$Builder",
          "io.compose4j.model.ServiceHook",
          "io.compose4j.model.ServiceHook$Builder",
          "io.compose4j.model.ServiceModel",
          "io.compose4j.model.ServiceModel$Builder",
          "io.compose4j.model.ServiceNetwork",
          "io.compose4j.model.ServiceNetwork$Builder",
          "io.compose4j.model.ServiceSecret",
          "io.compose4j.model.ServiceSecret$Builder",
          "io.compose4j.model.Severity",
          "io.compose4j.model.Stack$Builder",
          "io.compose4j.model.StackCheck",
          "io.compose4j.model.SwarmFormat",
          "io.compose4j.model.SwarmFormat$1",
          "io.compose4j.model.SwarmFormat$2",
          "io.compose4j.model.SwarmFormat$Requirement",
          "io.compose4j.model.SwarmFormat$Unsupported",
          "io.compose4j.model.SwarmFormat$Visitor",
          "io.compose4j.model.SyntaxFact",
          "io.compose4j.model.SyntaxFact$Kind",
          "io.compose4j.model.Target",
          "io.compose4j.model.Ulimit$Builder",
          "io.compose4j.model.UpdateConfig$Builder",
          "io.compose4j.model.Volume",
          "io.compose4j.model.Volume$Builder",
          "io.compose4j.model.VolumeSpecs",
          "io.compose4j.model.VolumeSpecs$Parts",
          "io.compose4j.model.WatchRule",
          "io.compose4j.model.WatchRule$Builder");

  static final Map<String, Declared> DECLARED =
      Map.ofEntries(
          Map.entry(
              "io.compose4j.model.BlkioConfig",
              declared(
                  true,
                  spec(
                      "weight",
                      false,
                      false,
                      bound("10", true, true),
                      bound("1000", false, true)))),
          Map.entry(
              "io.compose4j.model.Deploy",
              declared(
                  true,
                  spec("placement", false, true),
                  spec("replicas", false, false, bound("0", true, true)),
                  spec("restartPolicy", false, true),
                  spec("rollbackConfig", false, true),
                  spec("updateConfig", false, true))),
          Map.entry(
              "io.compose4j.model.Healthcheck",
              declared(true, spec("retries", false, false, bound("0", true, true)))),
          Map.entry(
              "io.compose4j.model.Placement",
              declared(true, spec("maxReplicasPerNode", false, false, bound("0", true, true)))),
          Map.entry(
              "io.compose4j.model.PortMapping",
              declared(
                  true,
                  spec(
                      "target",
                      false,
                      false,
                      bound("0", true, true),
                      bound("65535", false, true)))),
          Map.entry(
              "io.compose4j.model.RestartPolicy",
              declared(true, spec("maxAttempts", false, false, bound("0", true, true)))),
          Map.entry(
              "io.compose4j.model.RollbackConfig",
              declared(true, spec("parallelism", false, false, bound("0", true, true)))),
          Map.entry(
              "io.compose4j.model.Service",
              declared(
                  true,
                  spec("blkioConfig", false, true),
                  spec("deploy", false, true),
                  spec("healthcheck", false, true),
                  spec(
                      "memSwappiness",
                      false,
                      false,
                      bound("0", true, true),
                      bound("100", false, true)),
                  spec(
                      "oomScoreAdj",
                      false,
                      false,
                      bound("-1000", true, true),
                      bound("1000", false, true)),
                  spec("ports", false, true),
                  spec("ulimits", false, true))),
          Map.entry("io.compose4j.model.Stack", declared(true, spec("services", false, true))),
          Map.entry(
              "io.compose4j.model.Ulimit",
              declared(
                  true,
                  spec("hard", false, false, bound("0", true, true)),
                  spec("single", false, false, bound("0", true, true)),
                  spec("soft", false, false, bound("0", true, true)))),
          Map.entry(
              "io.compose4j.model.UpdateConfig",
              declared(
                  true,
                  spec(
                      "maxFailureRatio",
                      false,
                      false,
                      bound("0", true, true),
                      bound("1", false, true)),
                  spec("parallelism", false, false, bound("0", true, true)))));
}
