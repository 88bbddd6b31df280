import 'server-only';

/**
 * The Party domain's services live in topic files: organisations in ./orgs.ts, members and the Party consent in
 * ./members.ts (transfers in the transfer files). This module keeps the names earlier code imported from here.
 */
export { getPartyOrg, listPartyOrgs } from './orgs';
export { partyOrgDto, type PartyOrgDto } from './schemas';
