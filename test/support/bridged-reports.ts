/**
 * Three outlets on one event, written for the tests: one reports the released e-mails, one the
 * council's call for an inquiry, and too few words are shared for either to join the other's
 * story. The third reports both, and so shows the first two to be one story.
 */
export interface Report {
  name: string;
  title: string;
  text: string;
}

export const emailsReport: Report = {
  name: 'ledger-post',
  title: 'Harbor authority e-mails show officials argued over flood warning wording',
  text: 'E-mails released by the Brennholt harbor authority show officials argued for days over the wording of a flood warning before the storm.\n\nThe messages, sent between engineers and the authority director Mara Velkov, show the engineers wanted the warning to name the eastern docks.\n\nVelkov asked for the eastern docks to be removed from the draft, according to the e-mails.',
};

export const inquiryReport: Report = {
  name: 'city-herald',
  title: 'Council demands inquiry into late flood warning',
  text: 'The city council voted on Tuesday to demand an independent inquiry into last month storm, which flooded warehouses and forced thousands of residents from their homes.\n\nCouncil members said families were not told to leave in time, and that pumps failed across three districts.\n\nThe inquiry would examine why the harbor authority flood warning came late, the evacuation orders and the pump failures, the council said.',
};

export const bothReport: Report = {
  name: 'wire-report',
  title: 'Harbor e-mails released as council seeks inquiry into late flood warning',
  text: 'The Brennholt harbor authority released e-mails on Tuesday showing officials argued over the wording of a flood warning, as the city council voted to demand an independent inquiry into the storm response.\n\nIn the e-mails, engineers wanted the warning to name the eastern docks; director Mara Velkov asked for them to be removed.\n\nCouncil members said families were not told to leave in time and that pumps failed across three districts; the inquiry would examine the evacuation orders, and Velkov must testify.',
};
