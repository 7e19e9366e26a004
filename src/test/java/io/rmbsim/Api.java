package io.rmbsim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The calls and the problem-body checks the REST tests share. */
public final class Api {

    private Api() {
    }

    public static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    public static ValidatableResponse postRaw(String path, String json) {
        return given().contentType(ContentType.JSON).body(json).when().post(path).then();
    }

    public static ValidatableResponse post(String path) {
        return given().contentType(ContentType.JSON).when().post(path).then();
    }

    public static ValidatableResponse get(String path) {
        return given().when().get(path).then();
    }

    /** A problem+json answer with the status given. */
    public static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("type", notNullValue())
                .body("detail", notNullValue());
    }

    /** A 400 problem naming {@code field} among the fields at fault. */
    public static ValidatableResponse invalidField(ValidatableResponse response, String field) {
        return problem(response, 400).body("errors.field", hasItem(field));
    }
}
