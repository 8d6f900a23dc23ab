/** The three ATT&CK domains, their labels and their URL names: plain data, for the browser too. */
export const DOMAINS = ['enterprise-attack', 'mobile-attack', 'ics-attack'] as const;
export type Domain = (typeof DOMAINS)[number];

export const DOMAIN_LABELS: Record<Domain, string> = {
  'enterprise-attack': 'Enterprise',
  'mobile-attack': 'Mobile',
  'ics-attack': 'ICS',
};

/** The short name used in URLs such as `/techniques/enterprise/`. */
export const DOMAIN_SLUGS: Record<Domain, string> = {
  'enterprise-attack': 'enterprise',
  'mobile-attack': 'mobile',
  'ics-attack': 'ics',
};
