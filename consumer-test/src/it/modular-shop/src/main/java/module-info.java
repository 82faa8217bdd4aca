/** A user's stacks, as a named module. */
module com.example.modularshop {
  requires io.compose4j.dsl;
  requires io.compose4j.yaml;
  requires io.compose4j.validate;
}
