package io.rmbsim.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One ledger entry: a signed movement of an account (credit positive, debit negative), in fen. */
@Entity
@Table(name = "posting")
public class Posting extends PanacheEntityBase {

    @Id
    public long id;
    @Column(name = "account_bic")
    public String accountBic;
    @Column(name = "business_date")
    public LocalDate businessDate;
    public long amount;
    @Column(name = "balance_after")
    public long balanceAfter;
    public String kind;
    public UUID uetr;
    public String reference;
    public String counterparty;
    @Column(name = "posted_at")
    public Instant postedAt;
}
