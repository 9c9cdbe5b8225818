package org.deskcrm.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** The money rules of {@link Money}, checked on thousands of generated invoices. */
class MoneyPropertiesTest {

    record Line(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount, BigDecimal taxRate) {}

    @Provide
    Arbitrary<String> currencies() {
        return Arbitraries.of("USD", "EUR", "JPY", "BHD", "GBP", "KWD", "CLP");
    }

    @Provide
    Arbitrary<Line> lines() {
        var qty = Arbitraries.bigDecimals().between(new BigDecimal("0.0001"), new BigDecimal("10000")).ofScale(4);
        var price = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000")).ofScale(4);
        var rate = Arbitraries.of("0", "5", "7.5", "8.875", "10", "19", "20", "21", "25.5").map(BigDecimal::new);
        var discountShare = Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(3);
        return Combinators.combine(qty, price, rate, discountShare)
                .as((q, p, r, share) -> new Line(q, p, q.multiply(p).multiply(share).setScale(2, Money.ROUNDING), r));
    }

    private static List<Money.LineAmounts> amounts(List<Line> lines, String currency) {
        List<Money.LineAmounts> out = new ArrayList<>();
        for (Line l : lines) {
            out.add(Money.line(l.quantity(), l.unitPrice(), l.discount(), l.taxRate(), currency));
        }
        return out;
    }

    @Property
    void totalsAreExactlyTheSumsOfTheRoundedLines(@ForAll("currencies") String currency,
            @ForAll @Size(min = 1, max = 25) List<@net.jqwik.api.From("lines") Line> lines) {
        var la = amounts(lines, currency);
        var t = Money.totals(la, currency);
        BigDecimal sumTotals = la.stream().map(Money.LineAmounts::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal sumTax = la.stream().map(Money.LineAmounts::tax).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(t.total()).isEqualByComparingTo(sumTotals);
        assertThat(t.tax()).isEqualByComparingTo(sumTax);
        assertThat(t.total()).isEqualByComparingTo(t.subtotal().subtract(t.discount()).add(t.tax()));
    }

    @Property
    void everyAmountHasTheCurrencysMinorUnit(@ForAll("currencies") String currency, @ForAll("lines") Line line) {
        int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
        var a = Money.line(line.quantity(), line.unitPrice(), line.discount(), line.taxRate(), currency);
        for (BigDecimal v : List.of(a.gross(), a.discount(), a.net(), a.tax(), a.total())) {
            assertThat(v.scale()).isEqualTo(digits);
            assertThat(v.signum()).isGreaterThanOrEqualTo(0);
        }
        assertThat(a.net()).isEqualByComparingTo(a.gross().subtract(a.discount()));
        assertThat(a.total()).isEqualByComparingTo(a.net().add(a.tax()));
    }

    @Property
    void roundingIsOffByAtMostHalfAMinorUnitPerFigure(@ForAll("currencies") String currency, @ForAll("lines") Line line) {
        BigDecimal half = BigDecimal.ONE.movePointLeft(Money.scale(currency)).divide(BigDecimal.valueOf(2));
        var a = Money.line(line.quantity(), line.unitPrice(), line.discount(), line.taxRate(), currency);
        BigDecimal exactGross = line.quantity().multiply(line.unitPrice());
        assertThat(a.gross().subtract(exactGross).abs()).isLessThanOrEqualTo(half);
        BigDecimal exactTax = a.net().multiply(line.taxRate()).divide(BigDecimal.valueOf(100), MathContext.DECIMAL128);
        assertThat(a.tax().subtract(exactTax).abs()).isLessThanOrEqualTo(half);
    }

    @Property
    void theOrderOfLinesDoesNotChangeTheTotals(@ForAll("currencies") String currency,
            @ForAll @Size(min = 2, max = 15) List<@net.jqwik.api.From("lines") Line> lines) {
        var forward = Money.totals(amounts(lines, currency), currency);
        var reversed = new ArrayList<>(lines);
        java.util.Collections.reverse(reversed);
        var backward = Money.totals(amounts(reversed, currency), currency);
        assertThat(backward).isEqualTo(forward);
    }

    @Property
    void aDiscountNeverMakesALineNegative(@ForAll("currencies") String currency, @ForAll("lines") Line line,
            @ForAll("bigDiscounts") BigDecimal discount) {
        var a = Money.line(line.quantity(), line.unitPrice(), discount, line.taxRate(), currency);
        assertThat(a.net().signum()).isGreaterThanOrEqualTo(0);
        assertThat(a.discount()).isLessThanOrEqualTo(a.gross());
    }

    @Provide
    Arbitrary<BigDecimal> bigDiscounts() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000000000")).ofScale(2);
    }

    @Example
    void halfUpIsTheCommercialRounding() {
        // 3 × 0.335 = 1.005 → 1.01 (HALF_UP), where banker's rounding would print 1.00.
        var a = Money.line(new BigDecimal("3"), new BigDecimal("0.335"), BigDecimal.ZERO, new BigDecimal("10"), "EUR");
        assertThat(a.gross()).isEqualByComparingTo("1.01");
        assertThat(a.tax()).isEqualByComparingTo("0.10");
        assertThat(a.total()).isEqualByComparingTo("1.11");
        // Yen has no minor unit; dinar has three.
        assertThat(Money.line(BigDecimal.ONE, new BigDecimal("99.5"), BigDecimal.ZERO, BigDecimal.ZERO, "JPY").total())
                .isEqualByComparingTo("100");
        assertThat(Money.line(BigDecimal.ONE, new BigDecimal("1.2345"), BigDecimal.ZERO, BigDecimal.ZERO, "BHD").total())
                .isEqualByComparingTo("1.235");
    }
}
