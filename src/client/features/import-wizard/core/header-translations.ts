// Data table: header words for HubSpot properties in the languages ops exports come in
import type { ObjectTypeId } from '#shared/hubspot/object-types.ts'

/**
 * Header spellings per property, in English (beyond the base synonyms), German, French, Spanish,
 * Dutch, Italian and Portuguese, as the exports of HubSpot, Salesforce, Pipedrive, Mailchimp and
 * hand-made sheets write them. Each word is the compact form (`compact()`: lowercase, accents and
 * punctuation dropped, words run together), so "Código postal" is `codigopostal`. A word listed
 * for two properties of one object would be a guess, so none is: "Name" (first, last or full
 * name?) and "Titel" (a job title, or "Dr."?) are left out on purpose.
 */
/** One row per property: the objects that have it (space-separated ids), its name, its words. */
type TranslationRow = readonly [objects: string, property: string, words: string]

// one line per row, however long: the table reads down its property column
// prettier-ignore
const ROWS: readonly TranslationRow[] = [
  ['0-1', 'email', 'emailadresse mailadresse epost eposta courriel adressecourriel adresseemail adressemail adresseelectronique correo correoelectronico direcciondecorreo emailadres mailadres postaelettronica indirizzoemail correioeletronico enderecodeemail primaryemail emailaddress1 email1value personemail personemailwork'],
  ['0-1', 'firstname', 'vorname rufname nombre nombrepila voornaam roepnaam nome primeironome personfirstname'],
  ['0-1', 'lastname', 'nachname familienname nomdefamille apellido apellidos achternaam familienaam cognome sobrenome apelido ultimonome personlastname'],
  ['0-1 0-2', 'phone', 'telefonnummer festnetz numerodetelephone telephonefixe telefono telefonofijo telefoon telefoonnummer telefone businessphone officephone phonework personphonework phone1 phone1value organizationphone'],
  ['0-1', 'mobilephone', 'mobil mobilnummer mobiltelefon handy handynummer portable telephoneportable telephonemobile movil celular telefonomovil mobiel mobielnummer gsm cellulare telemovel telefonecelular personphonemobile'],
  ['0-1', 'company', 'firmenname unternehmen arbeitgeber entreprise societe nomdelentreprise empresa compania nombredelaempresa bedrijf bedrijfsnaam azienda societa nomeazienda nomedaempresa accountname organization organizationname organization1name personorganization'],
  ['0-1', 'jobtitle', 'jobtitel berufsbezeichnung funktion stellenbezeichnung poste fonction intituledeposte titre cargo puesto functie functietitel ruolo qualifica mansione funcao title jobtitle'],
  ['0-1 0-2', 'address', 'strasse straße adresse anschrift strasseundhausnummer rue direccion calle adres straat straatnaam indirizzo via endereco morada rua mailingstreet billingstreet businessstreet homestreet organizationaddress'],
  ['0-1 0-2', 'city', 'stadt wohnort ville ciudad localidad stad plaats woonplaats citta comune cidade mailingcity billingcity businesscity homecity'],
  ['0-1 0-2', 'zip', 'postleitzahl codepostal cp codigopostal postcode cap codicepostale cep mailingpostalcode billingpostalcode mailingzippostalcode billingzippostalcode businesspostalcode homepostalcode zippostalcode'],
  ['0-1 0-2', 'state', 'bundesland kanton departement provincia estado provincie regione distrito mailingstate billingstate mailingstateprovince billingstateprovince businessstate stateprovince'],
  ['0-1 0-2', 'country', 'pays pais paese nazione mailingcountry billingcountry'],
  ['0-1 0-2', 'website', 'webseite internetseite internetadresse siteweb siteinternet sitioweb paginaweb sitoweb site'],
  ['0-1', 'salutation', 'anrede civilite tratamiento aanhef titolo saudacao'],
  ['0-1 0-2 0-3 0-5', 'hs_object_id', 'datensatzid iddelenregistrement iddelregistro recordid iddelrecord iddoregisto iddoregistro'],
  ['0-1', 'lifecyclestage', 'lifecycle lebenszyklusphase lebenszyklus phaseducycledevie cycledevie etapeducycledevie etapadelciclodevida ciclodevida fasedelciclodevida levenscyclusfase levenscyclus fasedelciclodivita ciclodivita fasedociclodevida estagiodociclodevida'],
  ['0-1', 'hs_lead_status', 'leadstatus statutduprospect statutdulead estadodellead estadodelprospecto statodellead statusdolead'],
  ['0-1', 'date_of_birth', 'birthday birthdate dateofbirth dob geburtstag geburtsdatum datedenaissance anniversaire fechadenacimiento cumpleanos geboortedatum verjaardag datadinascita compleanno datadenascimento aniversario'],
  ['0-2', 'name', 'firmenname unternehmen unternehmensname nomdelentreprise entreprise societe raisonsociale empresa nombredelaempresa razonsocial bedrijfsnaam bedrijf ragionesociale azienda nomeazienda nomedaempresa razaosocial organizationname orgname'],
  ['0-2', 'domain', 'domane firmendomain domaine nomdedomaine dominio domein domeinnaam'],
  ['0-2', 'industry', 'branche industrie secteur secteurdactivite industria sector settore setor ramo'],
  ['0-2', 'numberofemployees', 'mitarbeiter mitarbeiterzahl anzahlmitarbeiter anzahlmitarbeitende effectif nombredemployes nombredesalaries empleados numerodeempleados medewerkers aantalmedewerkers werknemers dipendenti numerodipendenti funcionarios numerodefuncionarios empregados'],
  ['0-2', 'annualrevenue', 'umsatz jahresumsatz chiffredaffaires chiffredaffairesannuel ingresos facturacion ingresosanuales omzet jaaromzet fatturato receita faturamento receitaanual volumedenegocios'],
  ['0-3', 'dealname', 'dealtitle title verkaufschance nomdelatransaction transaction affaire opportunite nombredelnegocio negocio oportunidad dealnaam trattativa opportunita nomedonegocio oportunidade'],
  ['0-3', 'amount', 'betrag wert dealwert montant valeur importe monto valor bedrag waarde importo montante'],
  ['0-3', 'dealstage', 'phase dealphase verkaufsphase etape etapedelatransaction etapa etapadelnegocio fase dealfase stadio estagio'],
  ['0-3', 'closedate', 'abschlussdatum schlussdatum datedecloture datedefermeture fechadecierre sluitingsdatum afsluitdatum datadichiusura datadefechamento datadefecho expectedclosedate dealexpectedclosedate'],
  ['0-5', 'subject', 'betreff sujet objet titre asunto titulo onderwerp oggetto assunto'],
  ['0-5', 'content', 'beschreibung inhalt contenu descripcion contenido beschrijving omschrijving inhoud descrizione contenuto descricao conteudo'],
  ['0-5', 'hs_ticket_priority', 'priority prioritat prioritaet priorite prioridad prioriteit priorita prioridade'],
  ['0-5', 'hs_pipeline_stage', 'statut estado stato ticketstatus'],
]

export const HEADER_TRANSLATIONS: readonly {
  objects: readonly ObjectTypeId[]
  property: string
  words: string
}[] = ROWS.map(([objects, property, words]) => ({
  objects: objects.split(' ') as ObjectTypeId[],
  property,
  words,
}))
