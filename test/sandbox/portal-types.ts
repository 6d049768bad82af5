/**
 * The in-memory HubSpot portal that the sandbox serves and that tests
 * compute their expectations from. Everything is in HubSpot's own terms:
 * property values are strings (or null), times are ISO-8601 UTC.
 */

/** A CRM record as HubSpot stores it (companies and deals). */
export interface CrmRecord {
  /** Numeric id as a decimal string, unique per object type. */
  id: string;
  /** Every property value is a string on the wire, or null when unset. */
  properties: Record<string, string | null>;
  /** ISO-8601 UTC, e.g. "2024-03-01T04:30:00.000Z". */
  createdAt: string;
  /** ISO-8601 UTC; equals properties.hs_lastmodifieddate. */
  updatedAt: string;
  archived: boolean;
  /** Set only when archived. Archiving does not change updatedAt. */
  archivedAt?: string;
}

/** One deal → company association with its HubSpot-defined type ids. */
export interface DealCompanyLink {
  /** Company id. */
  toObjectId: number;
  /** 341 (unlabelled) always; 5 (Primary) in addition for the primary. */
  associationTypes: Array<{
    category: 'HUBSPOT_DEFINED';
    typeId: number;
    /** "Primary" for type 5, null for the unlabelled type 341. */
    label: string | null;
  }>;
}

export interface PipelineStage {
  id: string;
  label: string;
  displayOrder: number;
  /** HubSpot's stage metadata: isClosed "true"/"false", probability "0.0".."1.0". */
  metadata: { isClosed: string; probability: string };
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export interface Pipeline {
  id: string;
  label: string;
  displayOrder: number;
  stages: PipelineStage[];
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

/** A property definition, as GET /crm/v3/properties/{type} serves it. */
export interface PropertyDefinition {
  name: string;
  label: string;
  /** HubSpot type: string, number, date, datetime, enumeration, bool. */
  type: string;
  fieldType: string;
  groupName: string;
  description: string;
  calculated: boolean;
  /** Choices of an enumeration or bool property; HubSpot sends [] otherwise. */
  options?: PropertyOption[];
}

/** One choice of an enumeration property (HubSpot's `Option`). */
export interface PropertyOption {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
}

export interface AccountDetails {
  portalId: number;
  accountType: string;
  /** IANA zone, never UTC in generated portals, e.g. "America/New_York". */
  timeZone: string;
  /** ISO 4217 code of the company (home) currency. */
  companyCurrency: string;
  additionalCurrencies: string[];
  utcOffset: string;
  utcOffsetMilliseconds: number;
  uiDomain: string;
  dataHostingLocation: string;
}

export interface Portal {
  seed: number;
  account: AccountDetails;
  companies: CrmRecord[];
  /** Live and archived deals; archived ones have archived=true. */
  deals: CrmRecord[];
  /** Keyed by deal id; deals with no company have no entry. */
  dealCompanies: Map<string, DealCompanyLink[]>;
  pipelines: Pipeline[];
  properties: { companies: PropertyDefinition[]; deals: PropertyDefinition[] };
}
