/**
 * The rule engine: {@code StackValidator} checks a stack against what {@code docker stack deploy}
 * and a Swarm manager refuse or silently ignore, with the model's Bean Validation constraints run
 * by Hibernate Validator.
 */
module io.compose4j.validate {
  requires transitive io.compose4j.model;
  requires transitive io.compose4j.yaml;
  requires static transitive org.jspecify;
  requires jakarta.validation;
  requires org.hibernate.validator;
  // FieldConstraints quiets Hibernate Validator's version line through java.util.logging
  requires java.logging;

  exports io.compose4j.validate;
}
