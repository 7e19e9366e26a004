package io.rmbsim.cluster;

import java.sql.SQLException;

/** A write refused because another instance has taken leadership since this one gained it. */
public class FencedOut extends SQLException {

    public FencedOut(String message) {
        super(message);
    }
}
