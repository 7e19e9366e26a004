package io.rmbsim.web.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.rmbsim.identifier.Bic;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A BIC8 or BIC11 in any letter case (ISO 9362); {@code null} passes (pair with {@code @NotNull}). */
@Documented
@Constraint(validatedBy = ValidBic.Validator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface ValidBic {

    String message() default "must be a BIC (ISO 9362): 8 or 11 letters and digits, e.g. HCCBCNBH or HCCBCNBHXXX";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidBic, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Bic.isValid(value);
        }
    }
}
