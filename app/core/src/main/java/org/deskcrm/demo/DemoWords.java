package org.deskcrm.demo;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Word lists the demo data is built from: people's names (with accents and non-Latin-1 letters,
 * so search keys and e-mail addresses are exercised), company name parts, places, products.
 * Everything fictional: phone numbers use the ranges reserved for fiction (555-01xx, Ofcom drama
 * numbers), company domains are invented.
 */
final class DemoWords {
    private DemoWords() {}

    static final String[] FIRST_NAMES = {
        "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Elizabeth",
        "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
        "Christopher", "Nancy", "Daniel", "Lisa", "Matthew", "Betty", "Anthony", "Margaret", "Mark", "Sandra",
        "Donald", "Ashley", "Steven", "Kimberly", "Paul", "Emily", "Andrew", "Donna", "Joshua", "Michelle",
        "Kenneth", "Dorothy", "Kevin", "Carol", "Brian", "Amanda", "George", "Melissa", "Timothy", "Deborah",
        "Ronald", "Stephanie", "Edward", "Rebecca", "Jason", "Sharon", "Jeffrey", "Laura", "Ryan", "Cynthia",
        "Jacob", "Kathleen", "Gary", "Amy", "Nicholas", "Angela", "Eric", "Shirley", "Jonathan", "Anna",
        "Stephen", "Brenda", "Larry", "Pamela", "Justin", "Emma", "Scott", "Nicole", "Brandon", "Helen",
        "Benjamin", "Samantha", "Samuel", "Katherine", "Gregory", "Christine", "Alexander", "Debra", "Frank", "Rachel",
        "Patrick", "Carolyn", "Raymond", "Janet", "Jack", "Catherine", "Dennis", "Maria", "Jerry", "Heather",
        "Tyler", "Diane", "Aaron", "Ruth", "Olivia", "Noah", "Liam", "Ava", "Ethan", "Mia",
        "José", "Zoë", "Łukasz", "Søren", "François", "Björn", "Anaïs", "Jürgen", "Chloé", "Renée",
        "Andrés", "Inés", "Óscar", "Zoltán", "Małgorzata", "Noémie", "Håkon", "Åsa", "Siobhán", "Seán",
        "Çağla", "Mårten", "Jiří", "Tomáš", "Léa", "Hélène", "Cécile", "Jérôme", "Raphaël", "Ayşe",
        "Mehmet", "Yuki", "Hiroshi", "Mei", "Wei", "Priya", "Arjun", "Aisha", "Omar", "Fatima",
        "Kwame", "Amara", "Chidi", "Ngozi", "Lars", "Ingrid", "Sven", "Astrid", "Matteo", "Giulia",
        "Lorenzo", "Sofia", "Luca", "Chiara", "Pierre", "Camille", "Hans", "Greta", "Pablo", "Lucía",
        "Diego", "Valentina", "Mateo", "Camila", "Freya", "Oskar", "Elif", "Dmitri", "Anja", "Niamh",
    };

    static final String[] LAST_NAMES = {
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
        "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Lewandowski", "Dąbrowski", "Jensen", "Nielsen", "Hansen", "Pedersen",
        "Sørensen", "Andersen", "Larsen", "Johansson", "Lindström", "Åberg", "Öberg", "Bergström", "Lefèvre", "Dubois",
        "Moreau", "Laurent", "Fournier", "Girard", "Bonnet", "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi",
        "Romano", "Colombo", "García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez",
        "Gómez", "Núñez", "Muñoz", "Jiménez", "Díaz", "Álvarez", "O'Brien", "O'Connor", "Murphy", "Kelly",
        "Byrne", "Ryan", "Kim", "Park", "Chen", "Wang", "Li", "Zhang", "Liu", "Tanaka",
        "Suzuki", "Sato", "Patel", "Shah", "Singh", "Kumar", "Okafor", "Mensah", "Haddad", "Yılmaz",
        "Kaya", "Demir", "Novák", "Dvořák", "Svoboda", "Horváth", "Nagy", "Kovács", "Popescu", "Ionescu",
        "van der Berg", "de Vries", "Jansen", "Bakker", "Visser", "Kessler", "Lindqvist", "Holm", "Fitzgerald", "Abernathy",
    };

    static final String[] COMPANY_WORDS = {
        "Northwind", "Blue Harbor", "Summit", "Pinnacle", "Evergreen", "Ironwood", "Silverline", "Brightpath", "Redwood", "Granite",
        "Horizon", "Keystone", "Lakeside", "Maple", "Oakridge", "Riverbend", "Stonebridge", "Sunrise", "Tidewater", "Westfield",
        "Apex", "Atlas", "Beacon", "Cedar", "Cobalt", "Crescent", "Delta", "Eagle", "Falcon", "Frontier",
        "Harbor", "Highland", "Juniper", "Lighthouse", "Meridian", "Nova", "Orion", "Pacific", "Phoenix", "Polaris",
        "Quantum", "Radiant", "Sapphire", "Sierra", "Skyline", "Sterling", "Trident", "Vanguard", "Vertex", "Willow",
        "Zenith", "Alder", "Aurora", "Bluebird", "Copperleaf", "Driftwood", "Elmstead", "Foxglove", "Glacier", "Hawthorne",
        "Ivory", "Kestrel", "Larchmont", "Marble", "Nimbus", "Onyx", "Prairie", "Quarry", "Rookwood", "Saffron",
        "Thistle", "Umberfield", "Velvet", "Wren", "Bright Lake", "Clearwater", "Greenfield", "Fairview", "Silver Oak", "Red Rock",
    };

    static final String[] COMPANY_NOUNS = {
        "Technologies", "Systems", "Software", "Analytics", "Labs", "Health", "Medical", "Clinics", "Capital", "Financial",
        "Partners", "Advisors", "Logistics", "Manufacturing", "Industries", "Works", "Foods", "Retail", "Outfitters", "Realty",
        "Properties", "Learning", "Academy", "Consulting", "Media", "Marketing", "Studios", "Energy", "Solutions", "Networks",
        "Dynamics", "Robotics", "Supply", "Traders", "Ventures", "Holdings", "Engineering", "Design", "Cloud", "Security",
    };

    static final String[] COMPANY_SUFFIXES = {"", "", "", "", "Inc.", "LLC", "Ltd", "GmbH", "Corp.", "Co.", "Group", "AG", "B.V.", "S.A."};

    /** city, state/region, postal code pattern (# = digit), country, ISO currency, phone style. */
    record Place(String city, String state, String postal, String country, String currency, String phoneStyle) {}

    static final Place[] PLACES = {
        new Place("New York", "NY", "100##", "USA", "USD", "us"),
        new Place("San Francisco", "CA", "941##", "USA", "USD", "us"),
        new Place("Austin", "TX", "787##", "USA", "USD", "us"),
        new Place("Chicago", "IL", "606##", "USA", "USD", "us"),
        new Place("Seattle", "WA", "981##", "USA", "USD", "us"),
        new Place("Boston", "MA", "021##", "USA", "USD", "us"),
        new Place("Denver", "CO", "802##", "USA", "USD", "us"),
        new Place("Atlanta", "GA", "303##", "USA", "USD", "us"),
        new Place("Miami", "FL", "331##", "USA", "USD", "us"),
        new Place("Portland", "OR", "972##", "USA", "USD", "us"),
        new Place("Minneapolis", "MN", "554##", "USA", "USD", "us"),
        new Place("Raleigh", "NC", "276##", "USA", "USD", "us"),
        new Place("Phoenix", "AZ", "850##", "USA", "USD", "us"),
        new Place("Nashville", "TN", "372##", "USA", "USD", "us"),
        new Place("Toronto", "ON", "M5V #A#", "Canada", "CAD", "us"),
        new Place("Vancouver", "BC", "V6B #A#", "Canada", "CAD", "us"),
        new Place("London", "England", "EC1A #AA", "United Kingdom", "GBP", "uk"),
        new Place("Manchester", "England", "M1 #AA", "United Kingdom", "GBP", "uk"),
        new Place("Edinburgh", "Scotland", "EH1 #AA", "United Kingdom", "GBP", "uk"),
        new Place("Dublin", "Leinster", "D02 A###", "Ireland", "EUR", "ie"),
        new Place("Berlin", "Berlin", "101##", "Germany", "EUR", "de"),
        new Place("München", "Bayern", "803##", "Germany", "EUR", "de"),
        new Place("Köln", "Nordrhein-Westfalen", "506##", "Germany", "EUR", "de"),
        new Place("Paris", "Île-de-France", "750##", "France", "EUR", "fr"),
        new Place("Lyon", "Auvergne-Rhône-Alpes", "690##", "France", "EUR", "fr"),
        new Place("Madrid", "Madrid", "280##", "Spain", "EUR", "es"),
        new Place("Barcelona", "Cataluña", "080##", "Spain", "EUR", "es"),
        new Place("Amsterdam", "Noord-Holland", "10## AB", "Netherlands", "EUR", "nl"),
        new Place("Stockholm", "Stockholm", "111 ##", "Sweden", "SEK", "se"),
        new Place("København", "Hovedstaden", "1###", "Denmark", "DKK", "dk"),
        new Place("Kraków", "Małopolskie", "31-###", "Poland", "PLN", "pl"),
        new Place("Sydney", "NSW", "2000", "Australia", "AUD", "au"),
    };

    static final String[] STREETS_EN = {"Main Street", "Oak Avenue", "Market Street", "Maple Drive", "Park Avenue", "Cedar Lane",
        "High Street", "Elm Street", "Washington Boulevard", "Harbor Way", "King Street", "Mill Road", "Station Road", "Church Lane"};
    static final String[] STREETS_DE = {"Hauptstraße", "Bahnhofstraße", "Gartenstraße", "Schillerstraße", "Lindenallee", "Friedrichstraße"};
    static final String[] STREETS_FR = {"Rue de la République", "Avenue Victor Hugo", "Rue du Commerce", "Boulevard Saint-Michel"};
    static final String[] STREETS_ES = {"Calle Mayor", "Avenida de la Constitución", "Calle del Sol", "Paseo de Gracia"};
    static final String[] STREETS_OTHER = {"Storgatan", "Vesterbrogade", "Prinsengracht", "ulica Floriańska", "George Street", "Keizersgracht"};

    static final String[] JOB_TITLES = {"CEO", "CFO", "CTO", "COO", "VP Sales", "VP Marketing", "Head of Operations",
        "Procurement Manager", "IT Director", "Office Manager", "Purchasing Lead", "Product Manager", "Marketing Manager",
        "Sales Director", "Account Executive", "Finance Manager", "Operations Analyst", "Software Engineer", "HR Director",
        "Customer Success Lead", "Founder", "Managing Director", "Project Manager", "Data Analyst", "Controller"};

    static final String[] DEPARTMENTS = {"Executive", "Sales", "Marketing", "Finance", "IT", "Operations", "Procurement",
        "Human Resources", "Engineering", "Customer Success"};

    static final String[] SOURCES = {"website", "referral", "cold_outreach", "inbound", "partner", "outbound", "event", "marketing"};

    static final String[] TOPICS = {"pricing", "renewal", "onboarding plan", "Q3 roadmap", "contract terms", "integration questions",
        "security review", "pilot results", "expansion to EMEA", "support escalation", "budget approval", "implementation timeline",
        "training session", "product demo follow-up", "invoice question", "volume discount", "reference call", "procurement checklist"};

    static final String[] CALL_OUTCOMES = {"connected", "connected", "connected", "voicemail", "no_answer", "left_message"};

    static final String[] TASK_SUBJECTS = {"Send proposal to %s", "Follow up with %s", "Prepare demo for %s", "Call %s about renewal",
        "Send contract to %s", "Schedule kickoff with %s", "Share case study with %s", "Check in with %s after onboarding",
        "Confirm budget with %s", "Send pricing sheet to %s"};

    static final String[] NOTE_BODIES = {
        "Prefers e-mail over phone. Best reached before 10am.",
        "Budget cycle starts in October; decision committee of three people.",
        "Currently using a competitor; contract ends in spring. Interested in our reporting features.",
        "Asked for references from companies of a similar size.",
        "Very happy with onboarding. Possible upsell: additional seats for the support team.",
        "Legal needs to review the data processing agreement before signing.",
        "Met at the trade show. Follow up with the integration whitepaper.",
        "Key stakeholder for the renewal. Keep them in the loop on roadmap changes.",
        "Requested a discount for a three-year commitment.",
        "Raised concerns about response times last quarter; resolved by support.",
    };

    static final String[] WON_REASONS = {"Best fit for requirements", "Price/value", "Strong relationship", "Faster implementation",
        "Superior support", "Integration with existing tools"};
    static final String[] LOST_REASONS = {"Price too high", "Chose a competitor", "No budget", "No decision", "Timing",
        "Missing features", "Went with in-house solution"};
    static final String[] COMPETITORS = {"Acme CRM", "SalesPro", "Pipeliner One", "Contactly", "BigCorp Suite"};

    static final String[] DEAL_SUBJECTS = {"Annual licence", "Platform upgrade", "Pilot project", "Enterprise rollout",
        "Support renewal", "Consulting engagement", "Additional seats", "Training package", "Data migration",
        "Hardware refresh", "Multi-year agreement", "Expansion"};

    /** name, sku prefix, category, type, price (org currency), cost, taxable. */
    record ProductSeed(String name, String category, String type, String price, String cost, boolean taxable) {}

    static final List<ProductSeed> PRODUCTS = List.of(
            new ProductSeed("DeskCRM Starter (per seat / year)", "Licences", "subscription", "240.00", "20.00", true),
            new ProductSeed("DeskCRM Professional (per seat / year)", "Licences", "subscription", "480.00", "35.00", true),
            new ProductSeed("DeskCRM Enterprise (per seat / year)", "Licences", "subscription", "900.00", "60.00", true),
            new ProductSeed("Analytics Add-on (per seat / year)", "Licences", "subscription", "120.00", "10.00", true),
            new ProductSeed("Sync Hub Server Licence", "Licences", "digital", "2500.00", "150.00", true),
            new ProductSeed("Mobile Companion App (per seat / year)", "Licences", "subscription", "60.00", "5.00", true),
            new ProductSeed("Implementation Workshop (day)", "Services", "service", "1400.00", "700.00", false),
            new ProductSeed("Data Migration (per 10,000 records)", "Services", "service", "950.00", "400.00", false),
            new ProductSeed("Custom Report Development (hour)", "Services", "service", "150.00", "70.00", false),
            new ProductSeed("Administrator Training (half day)", "Training", "service", "650.00", "250.00", false),
            new ProductSeed("End-User Training (per attendee)", "Training", "service", "180.00", "60.00", false),
            new ProductSeed("Online Course Bundle", "Training", "digital", "299.00", "30.00", true),
            new ProductSeed("Premium Support (year)", "Support", "subscription", "3600.00", "1200.00", true),
            new ProductSeed("Standard Support (year)", "Support", "subscription", "1200.00", "400.00", true),
            new ProductSeed("Dedicated Success Manager (quarter)", "Support", "service", "4500.00", "2500.00", false),
            new ProductSeed("Health Check Review", "Services", "service", "800.00", "350.00", false),
            new ProductSeed("Integration Connector: Accounting", "Integrations", "digital", "750.00", "50.00", true),
            new ProductSeed("Integration Connector: E-mail (IMAP/SMTP)", "Integrations", "digital", "350.00", "25.00", true),
            new ProductSeed("Integration Connector: Calendar (ICS)", "Integrations", "digital", "250.00", "20.00", true),
            new ProductSeed("API Access (year)", "Integrations", "subscription", "1800.00", "100.00", true),
            new ProductSeed("Barcode Scanner", "Hardware", "physical", "189.00", "95.00", true),
            new ProductSeed("Receipt Printer", "Hardware", "physical", "249.00", "130.00", true),
            new ProductSeed("Touchscreen Kiosk", "Hardware", "physical", "1290.00", "780.00", true),
            new ProductSeed("Conference Headset", "Hardware", "physical", "129.00", "55.00", true),
            new ProductSeed("Document Scanner", "Hardware", "physical", "399.00", "220.00", true),
            new ProductSeed("Extra Storage (100 GB / year)", "Licences", "subscription", "90.00", "12.00", true),
            new ProductSeed("Sandbox Environment (year)", "Licences", "subscription", "1500.00", "200.00", true),
            new ProductSeed("Security Audit Package", "Services", "service", "3200.00", "1600.00", false),
            new ProductSeed("Onsite Consulting (day)", "Services", "service", "1600.00", "850.00", false),
            new ProductSeed("Branded Booking Page", "Add-ons", "digital", "199.00", "10.00", true));

    /** ASCII letters for e-mail addresses and domains: accents dropped, ł→l, ø→o, ß→ss... */
    static String ascii(String s) {
        String mapped = s.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O")
                .replace("æ", "ae").replace("Æ", "Ae").replace("ß", "ss").replace("đ", "d").replace("ı", "i");
        return Normalizer.normalize(mapped, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** Lower-case letters and digits only (for e-mail local parts and domains). */
    static String slug(String s) {
        return ascii(s).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
