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
export const HEADER_TRANSLATIONS: readonly {
  objects: readonly ObjectTypeId[]
  property: string
  words: string
}[] = [
  {
    objects: ['0-1'],
    property: 'email',
    words:
      'emailadresse mailadresse epost eposta courriel adressecourriel adresseemail adressemail adresseelectronique correo correoelectronico direcciondecorreo emailadres mailadres postaelettronica indirizzoemail correioeletronico enderecodeemail primaryemail emailaddress1 email1value personemail personemailwork',
  },
  {
    objects: ['0-1'],
    property: 'firstname',
    words: 'vorname rufname nombre nombrepila voornaam roepnaam nome primeironome personfirstname',
  },
  {
    objects: ['0-1'],
    property: 'lastname',
    words:
      'nachname familienname nomdefamille apellido apellidos achternaam familienaam cognome sobrenome apelido ultimonome personlastname',
  },
  {
    objects: ['0-1', '0-2'],
    property: 'phone',
    words:
      'telefonnummer festnetz numerodetelephone telephonefixe telefono telefonofijo telefoon telefoonnummer telefone businessphone officephone phonework personphonework phone1 phone1value organizationphone',
  },
  {
    objects: ['0-1'],
    property: 'mobilephone',
    words:
      'mobil mobilnummer mobiltelefon handy handynummer portable telephoneportable telephonemobile movil celular telefonomovil mobiel mobielnummer gsm cellulare telemovel telefonecelular personphonemobile',
  },
  {
    objects: ['0-1'],
    property: 'company',
    words:
      'firmenname unternehmen arbeitgeber entreprise societe nomdelentreprise empresa compania nombredelaempresa bedrijf bedrijfsnaam azienda societa nomeazienda nomedaempresa accountname organization organizationname organization1name personorganization',
  },
  {
    objects: ['0-1'],
    property: 'jobtitle',
    words:
      'jobtitel berufsbezeichnung funktion stellenbezeichnung poste fonction intituledeposte titre cargo puesto functie functietitel ruolo qualifica mansione funcao title jobtitle',
  },
  {
    objects: ['0-1', '0-2'],
    property: 'address',
    words:
      'strasse straße adresse anschrift strasseundhausnummer rue direccion calle adres straat straatnaam indirizzo via endereco morada rua mailingstreet billingstreet businessstreet homestreet organizationaddress',
  },
  {
    objects: ['0-1', '0-2'],
    property: 'city',
    words:
      'stadt wohnort ville ciudad localidad stad plaats woonplaats citta comune cidade mailingcity billingcity businesscity homecity',
  },
  {
    objects: ['0-1', '0-2'],
    property: 'zip',
    words:
      'postleitzahl codepostal cp codigopostal postcode cap codicepostale cep mailingpostalcode billingpostalcode mailingzippostalcode billingzippostalcode businesspostalcode homepostalcode zippostalcode',
  },
  {
    objects: ['0-1', '0-2'],
    property: 'state',
    words:
      'bundesland kanton departement provincia estado provincie regione distrito mailingstate billingstate mailingstateprovince billingstateprovince businessstate stateprovince',
  },
  {
    objects: ['0-1', '0-2'],
    property: 'country',
    words: 'pays pais paese nazione mailingcountry billingcountry',
  },
  {
    objects: ['0-1', '0-2'],
    property: 'website',
    words:
      'webseite internetseite internetadresse siteweb siteinternet sitioweb paginaweb sitoweb site',
  },
  {
    objects: ['0-1'],
    property: 'salutation',
    words: 'anrede civilite tratamiento aanhef titolo saudacao',
  },
  {
    objects: ['0-1', '0-2', '0-3', '0-5'],
    property: 'hs_object_id',
    words:
      'datensatzid iddelenregistrement iddelregistro recordid iddelrecord iddoregisto iddoregistro',
  },
  {
    objects: ['0-1'],
    property: 'lifecyclestage',
    words:
      'lifecycle lebenszyklusphase lebenszyklus phaseducycledevie cycledevie etapeducycledevie etapadelciclodevida ciclodevida fasedelciclodevida levenscyclusfase levenscyclus fasedelciclodivita ciclodivita fasedociclodevida estagiodociclodevida',
  },
  {
    objects: ['0-1'],
    property: 'hs_lead_status',
    words:
      'leadstatus statutduprospect statutdulead estadodellead estadodelprospecto statodellead statusdolead',
  },
  {
    objects: ['0-1'],
    property: 'date_of_birth',
    words:
      'birthday birthdate dateofbirth dob geburtstag geburtsdatum datedenaissance anniversaire fechadenacimiento cumpleanos geboortedatum verjaardag datadinascita compleanno datadenascimento aniversario',
  },
  {
    objects: ['0-2'],
    property: 'name',
    words:
      'firmenname unternehmen unternehmensname nomdelentreprise entreprise societe raisonsociale empresa nombredelaempresa razonsocial bedrijfsnaam bedrijf ragionesociale azienda nomeazienda nomedaempresa razaosocial organizationname orgname',
  },
  {
    objects: ['0-2'],
    property: 'domain',
    words: 'domane firmendomain domaine nomdedomaine dominio domein domeinnaam',
  },
  {
    objects: ['0-2'],
    property: 'industry',
    words: 'branche industrie secteur secteurdactivite industria sector settore setor ramo',
  },
  {
    objects: ['0-2'],
    property: 'numberofemployees',
    words:
      'mitarbeiter mitarbeiterzahl anzahlmitarbeiter anzahlmitarbeitende effectif nombredemployes nombredesalaries empleados numerodeempleados medewerkers aantalmedewerkers werknemers dipendenti numerodipendenti funcionarios numerodefuncionarios empregados',
  },
  {
    objects: ['0-2'],
    property: 'annualrevenue',
    words:
      'umsatz jahresumsatz chiffredaffaires chiffredaffairesannuel ingresos facturacion ingresosanuales omzet jaaromzet fatturato receita faturamento receitaanual volumedenegocios',
  },
  {
    objects: ['0-3'],
    property: 'dealname',
    words:
      'dealtitle title verkaufschance nomdelatransaction transaction affaire opportunite nombredelnegocio negocio oportunidad dealnaam trattativa opportunita nomedonegocio oportunidade',
  },
  {
    objects: ['0-3'],
    property: 'amount',
    words: 'betrag wert dealwert montant valeur importe monto valor bedrag waarde importo montante',
  },
  {
    objects: ['0-3'],
    property: 'dealstage',
    words:
      'phase dealphase verkaufsphase etape etapedelatransaction etapa etapadelnegocio fase dealfase stadio estagio',
  },
  {
    objects: ['0-3'],
    property: 'closedate',
    words:
      'abschlussdatum schlussdatum datedecloture datedefermeture fechadecierre sluitingsdatum afsluitdatum datadichiusura datadefechamento datadefecho expectedclosedate dealexpectedclosedate',
  },
  {
    objects: ['0-5'],
    property: 'subject',
    words: 'betreff sujet objet titre asunto titulo onderwerp oggetto assunto',
  },
  {
    objects: ['0-5'],
    property: 'content',
    words:
      'beschreibung inhalt contenu descripcion contenido beschrijving omschrijving inhoud descrizione contenuto descricao conteudo',
  },
  {
    objects: ['0-5'],
    property: 'hs_ticket_priority',
    words: 'priority prioritat prioritaet priorite prioridad prioriteit priorita prioridade',
  },
  {
    objects: ['0-5'],
    property: 'hs_pipeline_stage',
    words: 'statut estado stato ticketstatus',
  },
]
