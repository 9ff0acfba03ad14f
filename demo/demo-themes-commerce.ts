// Themes of buying and paying: pricing, refunds, checkout, payments.
import type { Theme } from './demo-themes';

export const COMMERCE_THEMES: Record<string, Theme> = {
  pricing: {
    tag: 'pricing',
    changes: [
      'showing the total price from the first page',
      'rounding prices to whole euros',
      'showing the price per passenger instead of the total',
      'a "price includes all fees" note next to the fare',
      'showing the cheapest fare of the week',
      'a price-lock option for 24 hours',
    ],
    effects: [
      'reduce drop-off on the payment page',
      'raise conversion on low-price journeys',
      'cut support contacts about fees',
      'make people book sooner',
    ],
    metrics: ['payment-page drop-off', 'conversion', 'fee-related contacts', 'time to book'],
    summaries: [
      'Price breakdown on the results page in {market}',
      'Test price-per-passenger display for {audience}',
      'Price lock for 24 hours',
      'All-in pricing copy review',
      'Cheapest-fare-of-the-week banner',
    ],
    bugs: [
      'Fare total differs between results and payment page',
      'Price shown without booking fee in {market}',
      'Currency switches back to EUR after login',
    ],
    findings: [
      'Drop-off fell on journeys under €20, but not above €50.',
      'People compared the total, not the per-passenger price.',
      'Conversion moved by less than one point: within the noise.',
      'Support contacts about fees dropped by a fifth.',
      'Customers in {market} reacted more strongly than elsewhere.',
    ],
    surprises: [
      'Showing a lower price first made people trust the final price less.',
      'Rounded prices increased refund requests in {market}.',
      'The price lock was used mostly by {audience}, who then did not book.',
    ],
    related: ['checkout', 'conversion', 'refunds'],
  },
  refunds: {
    tag: 'refunds',
    changes: [
      'offering Flex as a refund option on every journey',
      'showing "Get €X back" next to the add-on',
      'a one-tap refund request in the app',
      'explaining the refund policy on the results page',
      'automatic refunds for cancelled trains',
    ],
    effects: [
      'raise Flex uptake',
      'reduce refund-related contacts',
      'make people more confident to book early',
      'cut the time to process refunds',
    ],
    metrics: ['Flex attach rate', 'refund contacts', 'early bookings', 'refund processing time'],
    summaries: [
      'Flex refund option on {market} journeys',
      'One-tap refund request in the app',
      'Refund policy summary on results',
      'Automatic refunds for cancelled trains',
      'Refund status tracking page',
    ],
    bugs: [
      'Refund amount shown twice on the confirmation email',
      'Refund request fails for split tickets',
      'Flex refund not applied to seat reservations',
    ],
    findings: [
      'Flex uptake rose most on journeys booked more than a week ahead.',
      'Refund contacts fell, but chargebacks did not change.',
      'The label mattered more than the refund amount.',
      'Customers in {market} asked about partial refunds more than full ones.',
    ],
    surprises: [
      'Customers who bought Flex cancelled less often than those who did not.',
      '{audience} read the refund policy but still called support to confirm it.',
      'Automatic refunds increased rebookings within the same week.',
    ],
    related: ['pricing', 'labeling', 'support'],
  },
  checkout: {
    tag: 'checkout',
    changes: [
      'removing the account step from checkout',
      'a single-page checkout',
      'saving passenger details for next time',
      'an express checkout for returning customers',
      'inline validation of card details',
    ],
    effects: ['cut checkout abandonment', 'make checkout faster on mobile', 'raise repeat bookings', 'reduce payment errors'],
    metrics: ['checkout abandonment', 'median checkout time', 'repeat bookings', 'payment errors'],
    summaries: [
      'Single-page checkout for {audience}',
      'Express checkout for returning customers',
      'Saved passenger details',
      'Inline card validation',
      'Checkout step timings per device',
    ],
    bugs: [
      'Checkout loses passenger names on back navigation',
      'Promo code rejected after session refresh',
      'Checkout button disabled on small screens in {market}',
    ],
    findings: [
      'Abandonment fell by 4 points, mostly on mobile.',
      'Checkout time dropped by 20 seconds for returning customers.',
      'Payment errors halved after inline validation.',
      'Guests in {market} still preferred to create an account.',
    ],
    surprises: [
      'Fewer steps did not mean fewer drop-offs: people paused longer on the single page.',
      'Saved details were reused mostly for other passengers, not the booker.',
      'Express checkout raised the share of refundable tickets.',
    ],
    related: ['payments', 'conversion', 'pricing'],
  },
  payments: {
    tag: 'payments',
    changes: [
      'wallet payments as the first option',
      'instalments for journeys over €100',
      'retrying declined cards automatically',
      'local payment methods in {market}',
    ],
    effects: ['reduce payment failures', 'raise conversion on expensive journeys', 'speed up mobile payment'],
    metrics: ['payment failure rate', 'conversion over €100', 'time to pay'],
    summaries: [
      'Local payment methods in {market}',
      'Instalments for journeys over €100',
      'Automatic retry of declined cards',
      'Wallet-first payment on Android',
    ],
    bugs: ['3-D Secure pop-up blocked in the app', 'Duplicate charge after timeout', 'Wallet payment fails for group bookings'],
    findings: [
      'Failures dropped by a third with automatic retries.',
      'Instalments were used on one booking in ten over €100.',
      'Local methods doubled conversion in {market}.',
    ],
    surprises: [
      'Instalments attracted {audience} rather than families, as we expected.',
      'Wallet-first payment lowered the average basket.',
    ],
    related: ['checkout', 'mobile'],
  },
};
