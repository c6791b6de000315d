#!/usr/bin/env node
// Build data/categories.json (the demo category tree with attributes and
// suggestion keywords) from the compact definitions below.
//
//   node tools/places/build-categories.js > data/categories.json
//
// The output format is described in docs/DATA.md. Edit the tables here, not
// the generated file, then run tools/places/check-categories.js.
'use strict';

// ---------------------------------------------------------------------------
// Attribute builders. Field names follow the OLX Partner API attribute
// definition (code, label, unit, validation{type, required, numeric, min, max,
// allow_multiple_values}, values[{code, label}]); labels carry both languages.
// validation.decimals (ours): the decimal places a numeric value may have.

// Numeric attributes measured in parts: areas and money to the hundredth,
// inches and shoe sizes to the tenth (15.6", 27.5", 42.5). Others are whole.
const DECIMALS = { m: 2, plot_area: 2, rent: 2, screen_size: 1, wheel_size: 1, rim_diameter: 1, shoe_size: 1 };

const L = (pl, en) => ({ pl, en });

function attr(code, label, o = {}) {
  return {
    code,
    label,
    unit: o.unit || null,
    validation: {
      type: o.type || 'attribute',
      required: !!o.required,
      numeric: !!o.numeric,
      min: o.min === undefined ? null : o.min,
      max: o.max === undefined ? null : o.max,
      allow_multiple_values: !!o.multi,
      decimals: o.numeric && o.type === undefined ? DECIMALS[code] || 0 : 0,
    },
    values: (o.values || []).map(([c, pl, en]) => ({ code: c, label: L(pl, en === undefined ? pl : en) })),
  };
}

const price = (required = true) => attr('price', L('Cena', 'Price'), { type: 'price', required, numeric: true });
const salary = () => attr('salary', L('Wynagrodzenie', 'Salary'), { type: 'salary', numeric: true });
const num = (code, label, unit, min, max, required = false) =>
  attr(code, label, { unit, min, max, numeric: true, required });
const one = (code, label, values, required = false) => attr(code, label, { values, required });
const many = (code, label, values, required = false) => attr(code, label, { values, required, multi: true });
const text = (code, label, required = false) => attr(code, label, { required });

const YES_NO = [['1', 'Tak', 'Yes'], ['0', 'Nie', 'No']];
const state = (required = true) => one('state', L('Stan', 'Condition'),
  [['new', 'Nowe', 'New'], ['used', 'Używane', 'Used']], required);
const brandText = () => text('brand', L('Marka', 'Brand'));
const color = () => one('color', L('Kolor', 'Colour'), [
  ['black', 'Czarny', 'Black'], ['white', 'Biały', 'White'], ['grey', 'Szary', 'Grey'],
  ['silver', 'Srebrny', 'Silver'], ['red', 'Czerwony', 'Red'], ['blue', 'Niebieski', 'Blue'],
  ['green', 'Zielony', 'Green'], ['yellow', 'Żółty', 'Yellow'], ['brown', 'Brązowy', 'Brown'],
  ['beige', 'Beżowy', 'Beige'], ['pink', 'Różowy', 'Pink'], ['multicolor', 'Wielokolorowy', 'Multicoloured'],
  ['other', 'Inny', 'Other'],
]);

// Vehicles
const YEAR = (required = true) => num('year', L('Rok produkcji', 'Year of manufacture'), null, 1900, 2026, required);
const mileage = (required = true) => num('mileage', L('Przebieg', 'Mileage'), 'km', 0, 2000000, required);
const engineCapacity = (required = false) =>
  num('engine_capacity', L('Pojemność silnika', 'Engine capacity'), 'cm³', 0, 20000, required);
const enginePower = () => num('engine_power', L('Moc silnika', 'Engine power'), 'KM', 1, 2000);
const fuel = (required = true) => one('fuel_type', L('Paliwo', 'Fuel'), [
  ['petrol', 'Benzyna', 'Petrol'], ['diesel', 'Diesel', 'Diesel'], ['lpg', 'Benzyna + LPG', 'Petrol + LPG'],
  ['hybrid', 'Hybryda', 'Hybrid'], ['electric', 'Elektryczny', 'Electric'], ['cng', 'Benzyna + CNG', 'Petrol + CNG'],
], required);
const transmission = () => one('transmission', L('Skrzynia biegów', 'Gearbox'),
  [['manual', 'Manualna', 'Manual'], ['automatic', 'Automatyczna', 'Automatic']]);
const CAR_MAKES = ['Audi', 'BMW', 'Citroën', 'Dacia', 'Fiat', 'Ford', 'Honda', 'Hyundai', 'Kia', 'Mazda',
  'Mercedes-Benz', 'Nissan', 'Opel', 'Peugeot', 'Renault', 'Seat', 'Škoda', 'Tesla', 'Toyota',
  'Volkswagen', 'Volvo'].map((m) => [m.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''), m, m])
  .concat([['other', 'Inna', 'Other']]);
const MOTO_MAKES = ['Aprilia', 'BMW', 'Ducati', 'Harley-Davidson', 'Honda', 'Kawasaki', 'KTM', 'Romet',
  'Suzuki', 'Triumph', 'Yamaha'].map((m) => [m.toLowerCase(), m, m]).concat([['other', 'Inna', 'Other']]);
const carFeatures = () => many('features', L('Wyposażenie', 'Features'), [
  ['abs', 'ABS', 'ABS'], ['air_conditioning', 'Klimatyzacja', 'Air conditioning'],
  ['cruise_control', 'Tempomat', 'Cruise control'], ['navigation', 'Nawigacja GPS', 'GPS navigation'],
  ['parking_sensors', 'Czujniki parkowania', 'Parking sensors'], ['rear_camera', 'Kamera cofania', 'Reversing camera'],
  ['heated_seats', 'Podgrzewane fotele', 'Heated seats'], ['leather_seats', 'Skórzana tapicerka', 'Leather seats'],
  ['sunroof', 'Szyberdach', 'Sunroof'], ['alloy_wheels', 'Alufelgi', 'Alloy wheels'],
  ['bluetooth', 'Bluetooth', 'Bluetooth'], ['tow_hook', 'Hak', 'Tow hook'],
]);

// Real estate
const area = (required = true) => num('m', L('Powierzchnia', 'Area'), 'm²', 1, 100000, required);
const rooms = (required = true) => num('rooms', L('Liczba pokoi', 'Number of rooms'), null, 1, 50, required);
const plotArea = (required = false) => num('plot_area', L('Powierzchnia działki', 'Plot area'), 'm²', 1, 10000000, required);
const market = () => one('market', L('Rynek', 'Market'),
  [['primary', 'Pierwotny', 'Primary'], ['secondary', 'Wtórny', 'Secondary']], true);
const floor = () => one('floor', L('Poziom', 'Floor'), [
  ['basement', 'Suterena', 'Basement'], ['ground', 'Parter', 'Ground floor'],
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => [String(n), String(n), String(n)]),
  ['above_10', 'Powyżej 10', 'Above 10'], ['attic', 'Poddasze', 'Attic'],
]);
const furnished = () => one('furniture', L('Umeblowane', 'Furnished'), YES_NO);
const buildingType = () => one('builttype', L('Rodzaj zabudowy', 'Building type'), [
  ['block', 'Blok', 'Block of flats'], ['tenement', 'Kamienica', 'Tenement house'],
  ['apartment', 'Apartamentowiec', 'Apartment building'], ['house', 'Dom wolnostojący', 'Detached house'],
  ['terraced', 'Szeregowiec', 'Terraced house'], ['loft', 'Loft', 'Loft'], ['other', 'Pozostałe', 'Other'],
]);
const flatFeatures = () => many('extras', L('Informacje dodatkowe', 'Additional information'), [
  ['balcony', 'Balkon', 'Balcony'], ['terrace', 'Taras', 'Terrace'], ['garden', 'Ogródek', 'Garden'],
  ['lift', 'Winda', 'Lift'], ['parking', 'Miejsce parkingowe', 'Parking space'],
  ['basement', 'Piwnica', 'Cellar'], ['air_conditioning', 'Klimatyzacja', 'Air conditioning'],
  ['separate_kitchen', 'Oddzielna kuchnia', 'Separate kitchen'],
]);
const rent = () => num('rent', L('Czynsz (dodatkowo)', 'Service charge (extra)'), 'zł', 0, 100000);
const offerType = () => one('offer_type', L('Rodzaj oferty', 'Offer type'),
  [['sale', 'Sprzedaż', 'Sale'], ['rent', 'Wynajem', 'Rent']], true);
const houseType = () => one('house_type', L('Rodzaj domu', 'House type'), [
  ['detached', 'Wolnostojący', 'Detached'], ['semi_detached', 'Bliźniak', 'Semi-detached'],
  ['terraced', 'Szeregowiec', 'Terraced'], ['other', 'Pozostałe', 'Other'],
]);

// Jobs: the codes and values match the OLX Partner API examples
// (type fulltime, contract contract, manager 0, remote_recruitment 0).
const jobAttributes = () => [
  salary(),
  one('type', L('Wymiar pracy', 'Working time'),
    [['fulltime', 'Pełny etat', 'Full-time'], ['parttime', 'Część etatu', 'Part-time']], true),
  one('contract', L('Rodzaj umowy', 'Contract type'), [
    ['contract', 'Umowa o pracę', 'Employment contract'], ['mandate', 'Umowa zlecenie', 'Contract of mandate'],
    ['specific_task', 'Umowa o dzieło', 'Contract for specific work'], ['b2b', 'Kontrakt B2B', 'B2B contract'],
    ['internship', 'Praktyka / staż', 'Internship'], ['other', 'Inna', 'Other'],
  ], true),
  one('manager', L('Stanowisko kierownicze', 'Managerial position'), YES_NO, true),
  one('remote_recruitment', L('Rekrutacja zdalna', 'Remote recruitment'), YES_NO, true),
  one('workplace', L('Miejsce pracy', 'Workplace'), [
    ['office', 'W siedzibie firmy', 'On site'], ['hybrid', 'Hybrydowo', 'Hybrid'], ['remote', 'Zdalnie', 'Remote'],
  ]),
  many('languages', L('Wymagane języki', 'Required languages'), [
    ['pl', 'Polski', 'Polish'], ['en', 'Angielski', 'English'], ['de', 'Niemiecki', 'German'],
    ['uk', 'Ukraiński', 'Ukrainian'],
  ]),
];

const serviceArea = () => many('service_area', L('Gdzie', 'Where'), [
  ['at_client', 'U klienta', 'At the customer'], ['at_provider', 'U usługodawcy', 'At the provider'],
  ['remote', 'Zdalnie', 'Remotely'],
]);
const serviceAttributes = () => [price(false), serviceArea()];

const goods = (...extra) => [price(), state(), ...extra];
const clothesSize = () => one('size', L('Rozmiar', 'Size'),
  ['XXS', 'XS', 'S', 'M', 'L', 'XL', 'XXL', '3XL'].map((s) => [s.toLowerCase(), s, s]), true);
const clothes = () => goods(clothesSize(), brandText(), color());
const shoes = () => goods(num('shoe_size', L('Rozmiar obuwia (EU)', 'Shoe size (EU)'), null, 16, 52, true),
  brandText(), color());

const platform = (required) => one('platform', L('Platforma', 'Platform'), [
  ['ps5', 'PlayStation 5'], ['ps4', 'PlayStation 4'], ['xbox_series', 'Xbox Series X|S'], ['xbox_one', 'Xbox One'],
  ['switch', 'Nintendo Switch'], ['pc', 'PC'], ['other', 'Inna', 'Other'],
], required);

const freeAttributes = () => [state(false)];

// ---------------------------------------------------------------------------
// The tree. node(id, pl, en, photos_limit, children) for inner categories,
// leaf(id, pl, en, attributes, keywordsPl, keywordsEn[, photos_limit]).
// A leaf without an explicit photos_limit inherits its parent's.

function node(id, pl, en, photos, children) {
  return { id, name: L(pl, en), photos, children };
}
function leaf(id, pl, en, attributes, kwPl, kwEn, photos) {
  return { id, name: L(pl, en), attributes, keywords: { pl: kwPl, en: kwEn }, photos };
}

const JOB = (id, pl, en, kwPl, kwEn) => leaf(id, pl, en, jobAttributes(), kwPl, kwEn);

const TREE = [
  node(5, 'Motoryzacja', 'Vehicles', 16, [
    leaf(84, 'Samochody osobowe', 'Cars', [
      price(), state(), one('make', L('Marka', 'Make'), CAR_MAKES, true), text('model', L('Model', 'Model'), true),
      YEAR(), mileage(), engineCapacity(), enginePower(), fuel(),
      one('body_type', L('Typ nadwozia', 'Body type'), [
        ['sedan', 'Sedan'], ['hatchback', 'Hatchback'], ['estate', 'Kombi', 'Estate'], ['suv', 'SUV'],
        ['coupe', 'Coupe'], ['cabrio', 'Kabriolet', 'Convertible'], ['minivan', 'Minivan'],
        ['pickup', 'Pickup'], ['small', 'Auto miejskie', 'City car'],
      ]),
      transmission(), color(), carFeatures(), text('vin', L('Numer VIN', 'VIN')),
    ], ['samochód', 'auto', 'osobowy', 'sedan', 'kombi', 'hatchback', 'audi', 'bmw', 'opel', 'toyota',
      'volkswagen', 'golf', 'passat', 'skoda', 'octavia', 'ford', 'focus', 'renault', 'fiat', 'mercedes'],
    ['car', 'automobile', 'sedan', 'estate', 'hatchback', 'suv', 'audi', 'bmw', 'toyota', 'volkswagen']),
    leaf(81, 'Motocykle i skutery', 'Motorcycles & scooters', [
      price(), state(), one('make', L('Marka', 'Make'), MOTO_MAKES, true), YEAR(), mileage(), engineCapacity(true),
      one('moto_type', L('Typ', 'Type'), [
        ['sport', 'Sportowy', 'Sport'], ['touring', 'Turystyczny', 'Touring'], ['chopper', 'Chopper'],
        ['enduro', 'Enduro / cross', 'Enduro / motocross'], ['naked', 'Naked'], ['scooter', 'Skuter', 'Scooter'],
        ['quad', 'Quad', 'Quad bike'],
      ]),
    ], ['motocykl', 'motor', 'skuter', 'motorower', 'quad', 'yamaha', 'honda', 'kawasaki', 'suzuki', 'harley'],
    ['motorcycle', 'motorbike', 'scooter', 'moped', 'quad']),
    leaf(1557, 'Samochody dostawcze', 'Vans', [
      price(), state(), text('model', L('Marka i model', 'Make and model'), true), YEAR(), mileage(), fuel(),
      num('payload', L('Ładowność', 'Payload'), 'kg', 0, 10000),
    ], ['dostawczy', 'bus', 'furgon', 'sprinter', 'transit', 'ducato', 'master', 'crafter', 'kontener'],
    ['van', 'minibus', 'panel van', 'sprinter', 'transit']),
    leaf(1558, 'Przyczepy i naczepy', 'Trailers', [price(), state(), YEAR(false),
      num('payload', L('Ładowność', 'Payload'), 'kg', 0, 40000)],
    ['przyczepa', 'naczepa', 'laweta', 'przyczepka', 'kempingowa'], ['trailer', 'caravan', 'semi-trailer']),
    node(19, 'Części i akcesoria', 'Parts & accessories', 8, [
      leaf(1527, 'Opony i felgi', 'Tyres & rims', [
        price(), state(), one('tyre_season', L('Sezon', 'Season'), [
          ['summer', 'Letnie', 'Summer'], ['winter', 'Zimowe', 'Winter'], ['all_season', 'Całoroczne', 'All-season'],
        ]), num('rim_diameter', L('Średnica felgi', 'Rim diameter'), 'cal', 10, 24),
        num('quantity', L('Liczba sztuk', 'Quantity'), 'szt.', 1, 8),
      ], ['opony', 'opona', 'felgi', 'alufelgi', 'koła', 'zimówki', 'letnie'], ['tyres', 'tires', 'rims', 'wheels']),
      leaf(1528, 'Części samochodowe', 'Car parts', [
        price(), state(), one('part_type', L('Rodzaj części', 'Part type'), [
          ['engine', 'Silnik i osprzęt', 'Engine'], ['body', 'Karoseria', 'Body'],
          ['suspension', 'Zawieszenie', 'Suspension'], ['brakes', 'Hamulce', 'Brakes'],
          ['electrical', 'Elektryka', 'Electrical'], ['interior', 'Wnętrze', 'Interior'],
          ['lights', 'Oświetlenie', 'Lights'], ['other', 'Pozostałe', 'Other'],
        ], true), text('fits', L('Pasuje do (marka, model)', 'Fits (make, model)')),
      ], ['części', 'silnik', 'zderzak', 'lampa', 'reflektor', 'skrzynia', 'turbo', 'sprzęgło', 'hamulce',
        'amortyzator', 'alternator'], ['parts', 'engine', 'bumper', 'headlight', 'gearbox', 'brakes']),
      leaf(1529, 'Akcesoria samochodowe', 'Car accessories', goods(),
        ['akcesoria', 'bagażnik', 'dywaniki', 'pokrowce', 'nawigacja', 'wideorejestrator', 'łańcuchy'],
        ['accessories', 'roof rack', 'car mats', 'dashcam']),
      leaf(1530, 'Części motocyklowe', 'Motorcycle parts', goods(),
        ['części motocyklowe', 'kask', 'kombinezon', 'owiewka', 'wydech'], ['motorcycle parts', 'helmet', 'exhaust']),
    ]),
  ]),

  node(3, 'Nieruchomości', 'Real estate', 16, [
    node(14, 'Mieszkania', 'Flats', 16, [
      leaf(1307, 'Mieszkania na sprzedaż', 'Flats for sale',
        [price(), market(), area(), rooms(), floor(), buildingType(), furnished(), flatFeatures(),
          num('year_built', L('Rok budowy', 'Year built'), null, 1800, 2030)],
        ['mieszkanie', 'sprzedam mieszkanie', 'kawalerka', 'apartament', 'm2', 'm3', 'pokojowe', 'własnościowe'],
        ['flat for sale', 'apartment for sale', 'studio']),
      leaf(1309, 'Mieszkania na wynajem', 'Flats for rent',
        [price(), area(), rooms(), floor(), buildingType(), furnished(), rent(), flatFeatures()],
        ['wynajmę', 'wynajem', 'mieszkanie do wynajęcia', 'kawalerka', 'najem'],
        ['flat to let', 'flat for rent', 'apartment for rent', 'to let']),
    ]),
    node(16, 'Domy', 'Houses', 16, [
      leaf(1310, 'Domy na sprzedaż', 'Houses for sale',
        [price(), market(), area(), plotArea(), rooms(false), houseType(),
          num('year_built', L('Rok budowy', 'Year built'), null, 1800, 2030)],
        ['dom', 'sprzedam dom', 'bliźniak', 'szeregowiec', 'wolnostojący', 'siedlisko'],
        ['house for sale', 'detached house', 'semi-detached']),
      leaf(1311, 'Domy na wynajem', 'Houses for rent',
        [price(), area(), rooms(false), houseType(), furnished()],
        ['dom do wynajęcia', 'wynajmę dom', 'dom wynajem'], ['house for rent', 'house to let']),
    ]),
    leaf(1312, 'Działki', 'Land', [
      price(), offerType(), plotArea(true), one('plot_type', L('Rodzaj działki', 'Plot type'), [
        ['building', 'Budowlana', 'Building plot'], ['agricultural', 'Rolna', 'Agricultural'],
        ['recreational', 'Rekreacyjna', 'Recreational'], ['investment', 'Inwestycyjna', 'Investment'],
        ['forest', 'Leśna', 'Forest'], ['commercial', 'Usługowa', 'Commercial'],
      ], true), many('utilities', L('Media', 'Utilities'), [
        ['electricity', 'Prąd', 'Electricity'], ['water', 'Woda', 'Water'], ['gas', 'Gaz', 'Gas'],
        ['sewage', 'Kanalizacja', 'Sewage'],
      ]),
    ], ['działka', 'grunt', 'ziemia', 'budowlana', 'rolna', 'rekreacyjna', 'las'], ['land', 'plot', 'building plot']),
    leaf(1313, 'Biura i lokale', 'Offices & commercial premises', [price(), offerType(), area()],
      ['lokal', 'biuro', 'lokal użytkowy', 'sklep', 'magazyn', 'hala'], ['office', 'commercial premises', 'shop', 'warehouse']),
    leaf(1314, 'Garaże i parkingi', 'Garages & parking', [price(), offerType(), area(false)],
      ['garaż', 'miejsce parkingowe', 'parking', 'hala garażowa'], ['garage', 'parking space']),
    leaf(1315, 'Stancje i pokoje', 'Rooms', [
      price(), one('roomsize', L('Liczba osób w pokoju', 'Room for'), [
        ['one', 'Jednoosobowy', 'Single'], ['two', 'Dwuosobowy', 'Double'], ['three', 'Trzyosobowy i większy', 'Triple or more'],
      ], true), furnished(), many('preferences', L('Preferowani', 'Preferred tenants'), [
        ['students', 'Studenci', 'Students'], ['workers', 'Osoby pracujące', 'Working people'],
        ['women', 'Kobiety', 'Women'], ['men', 'Mężczyźni', 'Men'],
      ]),
    ], ['pokój', 'stancja', 'pokój do wynajęcia', 'dla studenta', 'kwatera'], ['room', 'room to let', 'lodging', 'student room']),
  ]),

  node(1447, 'Praca', 'Jobs', 0, [
    JOB(1755, 'Praca inżynieryjna, techniczna', 'Engineering & technical jobs',
      ['inżynier', 'technik', 'automatyk', 'konstruktor', 'elektryk', 'mechanik', 'projektant'],
      ['engineer', 'technician', 'engineering']),
    JOB(1449, 'Administracja biurowa', 'Office administration',
      ['biuro', 'asystentka', 'sekretarka', 'recepcjonistka', 'administracja'], ['office', 'assistant', 'receptionist']),
    JOB(1450, 'IT, telekomunikacja', 'IT & telecoms',
      ['programista', 'developer', 'tester', 'informatyk', 'administrator', 'helpdesk'],
      ['developer', 'programmer', 'software', 'tester', 'it']),
    JOB(1451, 'Budownictwo, remonty', 'Construction',
      ['budowa', 'murarz', 'cieśla', 'zbrojarz', 'malarz', 'glazurnik', 'operator koparki'],
      ['construction', 'builder', 'bricklayer', 'carpenter']),
    JOB(1452, 'Kierowca, kurier', 'Drivers & couriers',
      ['kierowca', 'kurier', 'kat. c', 'ce', 'dostawca', 'taxi'], ['driver', 'courier', 'delivery', 'truck driver']),
    JOB(1453, 'Sprzedaż', 'Sales',
      ['sprzedawca', 'kasjer', 'handlowiec', 'przedstawiciel handlowy'], ['sales', 'shop assistant', 'cashier']),
    JOB(1454, 'Gastronomia', 'Hospitality & catering',
      ['kucharz', 'kelner', 'barman', 'pomoc kuchenna', 'pizzer', 'barista'], ['cook', 'chef', 'waiter', 'bartender']),
    JOB(1455, 'Magazyn, logistyka', 'Warehouse & logistics',
      ['magazynier', 'operator wózka', 'logistyk', 'kompletacja', 'pakowanie'], ['warehouse', 'forklift', 'logistics', 'picker']),
    JOB(1456, 'Obsługa klienta, call center', 'Customer service & call centre',
      ['konsultant', 'call center', 'infolinia', 'telemarketer', 'obsługa klienta'], ['call centre', 'customer service', 'consultant']),
    JOB(1457, 'Opieka', 'Care',
      ['opiekunka', 'niania', 'opieka nad osobą starszą', 'opiekun'], ['carer', 'nanny', 'babysitter', 'caregiver']),
    JOB(1458, 'Praca za granicą', 'Work abroad',
      ['za granicą', 'niemcy', 'holandia', 'norwegia', 'anglia'], ['abroad', 'germany', 'netherlands']),
    JOB(1459, 'Produkcja', 'Manufacturing',
      ['produkcja', 'operator maszyn', 'pracownik produkcji', 'spawacz', 'ślusarz', 'tokarz'],
      ['production', 'factory', 'welder', 'machine operator']),
    JOB(1460, 'Finanse, księgowość', 'Finance & accounting',
      ['księgowa', 'księgowy', 'kadry', 'płace', 'finanse'], ['accountant', 'accounting', 'payroll', 'finance']),
    JOB(1461, 'Sprzątanie', 'Cleaning',
      ['sprzątaczka', 'sprzątanie', 'pokojówka', 'osoba sprzątająca'], ['cleaner', 'cleaning', 'housekeeping']),
    JOB(1462, 'Praca sezonowa', 'Seasonal work',
      ['sezonowa', 'zbiór', 'wakacyjna', 'dorywcza', 'truskawki'], ['seasonal', 'harvest', 'summer job']),
    JOB(1463, 'Pozostałe oferty pracy', 'Other jobs',
      ['praca', 'zatrudnię', 'pracownik', 'oferta pracy'], ['job', 'hiring', 'vacancy', 'work']),
  ]),

  node(99, 'Elektronika', 'Electronics', 8, [
    node(1501, 'Telefony', 'Phones', 8, [
      leaf(1502, 'Smartfony i telefony komórkowe', 'Mobile phones', goods(
        one('phone_brand', L('Marka', 'Brand'), ['Apple', 'Samsung', 'Xiaomi', 'Huawei', 'Motorola', 'Nokia',
          'OnePlus', 'Oppo', 'Realme', 'Sony', 'Google'].map((b) => [b.toLowerCase(), b, b])
          .concat([['other', 'Inna', 'Other']]), true),
        text('phone_model', L('Model', 'Model')),
        one('memory', L('Pamięć wbudowana', 'Storage'), ['16', '32', '64', '128', '256', '512', '1024']
          .map((g) => [g, g + ' GB', g + ' GB'])),
        color(),
      ), ['telefon', 'smartfon', 'komórka', 'iphone', 'samsung', 'galaxy', 'xiaomi', 'redmi', 'huawei', 'motorola', 'pixel'],
      ['phone', 'smartphone', 'mobile', 'iphone', 'samsung', 'galaxy', 'cell phone']),
      leaf(1503, 'Akcesoria telefoniczne', 'Phone accessories', goods(),
        ['etui', 'ładowarka', 'szkło hartowane', 'powerbank', 'kabel', 'uchwyt'], ['case', 'charger', 'screen protector', 'power bank']),
      leaf(1504, 'Smartwatche i opaski', 'Smartwatches & fitness bands', goods(brandText()),
        ['smartwatch', 'zegarek', 'opaska', 'apple watch', 'garmin', 'mi band'], ['smartwatch', 'fitness band', 'apple watch']),
    ]),
    node(1505, 'Komputery', 'Computers', 8, [
      leaf(1506, 'Laptopy', 'Laptops', goods(
        one('laptop_brand', L('Marka', 'Brand'), ['Apple', 'Acer', 'Asus', 'Dell', 'HP', 'Lenovo', 'MSI', 'Samsung']
          .map((b) => [b.toLowerCase(), b, b]).concat([['other', 'Inna', 'Other']]), true),
        num('screen_size', L('Przekątna ekranu', 'Screen size'), 'cal', 10, 20),
        num('ram', L('Pamięć RAM', 'RAM'), 'GB', 1, 256), num('disk', L('Dysk', 'Storage'), 'GB', 16, 16000),
        text('processor', L('Procesor', 'Processor')),
      ), ['laptop', 'notebook', 'macbook', 'thinkpad', 'ultrabook', 'lenovo', 'dell', 'asus'],
      ['laptop', 'notebook', 'macbook', 'thinkpad']),
      leaf(1507, 'Komputery stacjonarne', 'Desktop computers', goods(num('ram', L('Pamięć RAM', 'RAM'), 'GB', 1, 512)),
        ['komputer', 'pc', 'stacjonarny', 'zestaw komputerowy', 'gamingowy'], ['desktop', 'pc', 'gaming pc', 'computer']),
      leaf(1508, 'Tablety', 'Tablets', goods(brandText()),
        ['tablet', 'ipad', 'galaxy tab', 'czytnik', 'kindle'], ['tablet', 'ipad', 'e-reader', 'kindle']),
      leaf(1509, 'Monitory', 'Monitors', goods(num('screen_size', L('Przekątna ekranu', 'Screen size'), 'cal', 10, 60)),
        ['monitor', 'ekran', 'led', 'ips'], ['monitor', 'display', 'screen']),
      leaf(1510, 'Podzespoły komputerowe', 'Computer components', goods(),
        ['karta graficzna', 'procesor', 'płyta główna', 'ram', 'dysk', 'ssd', 'zasilacz', 'rtx', 'ryzen'],
        ['graphics card', 'gpu', 'cpu', 'motherboard', 'ssd', 'power supply']),
      leaf(1511, 'Drukarki i skanery', 'Printers & scanners', goods(),
        ['drukarka', 'skaner', 'toner', 'tusz', 'laserowa'], ['printer', 'scanner', 'toner', 'ink']),
    ]),
    node(1512, 'RTV', 'TV & audio', 8, [
      leaf(1513, 'Telewizory', 'TVs', goods(
        brandText(), num('screen_size', L('Przekątna ekranu', 'Screen size'), 'cal', 15, 120, true),
        one('resolution', L('Rozdzielczość', 'Resolution'), [
          ['hd', 'HD'], ['full_hd', 'Full HD'], ['4k', '4K UHD'], ['8k', '8K'],
        ]), one('smart_tv', L('Smart TV', 'Smart TV'), YES_NO),
      ), ['telewizor', 'tv', 'smart tv', 'oled', 'qled', 'lg', 'sony', 'philips'], ['tv', 'television', 'smart tv', 'oled']),
      leaf(1514, 'Sprzęt audio', 'Audio equipment', goods(),
        ['głośnik', 'wzmacniacz', 'amplituner', 'soundbar', 'kolumny', 'gramofon'], ['speaker', 'amplifier', 'soundbar', 'turntable']),
      leaf(1515, 'Słuchawki', 'Headphones', goods(brandText()),
        ['słuchawki', 'airpods', 'douszne', 'nauszne', 'bezprzewodowe'], ['headphones', 'earbuds', 'airpods', 'headset']),
    ]),
    node(1516, 'Konsole i gry', 'Consoles & games', 8, [
      leaf(1518, 'Konsole', 'Consoles', goods(platform(true)),
        ['konsola', 'playstation', 'ps5', 'ps4', 'xbox', 'nintendo', 'switch', 'pad'], ['console', 'playstation', 'xbox', 'nintendo']),
      leaf(1519, 'Gry', 'Video games', goods(platform(false)),
        ['gra', 'gry', 'fifa', 'gra na ps', 'płyta z grą'], ['game', 'video game', 'fifa']),
    ]),
    leaf(1520, 'Fotografia', 'Photography', goods(brandText()),
      ['aparat', 'obiektyw', 'lustrzanka', 'bezlusterkowiec', 'canon', 'nikon', 'statyw', 'dron'],
      ['camera', 'lens', 'dslr', 'mirrorless', 'tripod', 'drone']),
    node(1521, 'AGD', 'Home appliances', 8, [
      leaf(1522, 'Duże AGD', 'Large appliances', goods(brandText(),
        one('energy_class', L('Klasa energetyczna', 'Energy class'), ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((c) => [c.toLowerCase(), c, c]))),
      ['pralka', 'lodówka', 'zmywarka', 'piekarnik', 'kuchenka', 'suszarka', 'zamrażarka'],
      ['washing machine', 'fridge', 'dishwasher', 'oven', 'freezer']),
      leaf(1523, 'Małe AGD', 'Small appliances', goods(),
        ['odkurzacz', 'ekspres', 'mikser', 'czajnik', 'robot kuchenny', 'żelazko', 'mikrofalówka', 'thermomix'],
        ['vacuum cleaner', 'coffee machine', 'kettle', 'blender', 'microwave']),
    ]),
    leaf(451, 'Pozostała elektronika', 'Other electronics', goods(),
      ['elektronika', 'kamera', 'router', 'projektor', 'nawigacja'], ['electronics', 'router', 'projector', 'gadget']),
  ]),

  node(87, 'Moda', 'Fashion', 8, [
    node(642, 'Odzież damska', "Women's clothing", 8, [
      leaf(1581, 'Bluzki i koszulki', 'Blouses & T-shirts', clothes(),
        ['bluzka', 'koszulka', 't-shirt', 'top', 'damska'], ['blouse', 't-shirt', 'top', "women's"], 8),
      leaf(1582, 'Sukienki', 'Dresses', clothes(),
        ['sukienka', 'suknia', 'wieczorowa', 'letnia', 'ślubna'], ['dress', 'gown', 'evening dress']),
      leaf(1583, 'Spodnie i jeansy damskie', "Women's trousers & jeans", clothes(),
        ['spodnie damskie', 'jeansy damskie', 'legginsy', 'dżinsy'], ["women's trousers", "women's jeans", 'leggings']),
      leaf(1584, 'Kurtki i płaszcze damskie', "Women's coats & jackets", clothes(),
        ['kurtka damska', 'płaszcz', 'parka', 'żakiet'], ["women's jacket", 'coat', 'parka']),
    ]),
    node(643, 'Odzież męska', "Men's clothing", 8, [
      leaf(1585, 'Koszule i koszulki męskie', "Men's shirts & T-shirts", clothes(),
        ['koszula', 'koszulka męska', 'polo', 'męska'], ['shirt', "men's t-shirt", 'polo']),
      leaf(1586, 'Spodnie męskie', "Men's trousers", clothes(),
        ['spodnie męskie', 'jeansy męskie', 'chinosy', 'dresy'], ["men's trousers", "men's jeans", 'chinos']),
      leaf(1587, 'Kurtki i płaszcze męskie', "Men's coats & jackets", clothes(),
        ['kurtka męska', 'płaszcz męski', 'kurtka zimowa'], ["men's jacket", "men's coat"]),
      leaf(1588, 'Garnitury', 'Suits', clothes(), ['garnitur', 'marynarka', 'smoking'], ['suit', 'blazer', 'tuxedo']),
    ]),
    node(644, 'Obuwie', 'Shoes', 8, [
      leaf(1589, 'Obuwie damskie', "Women's shoes", shoes(),
        ['buty damskie', 'szpilki', 'kozaki', 'botki', 'sandały'], ["women's shoes", 'heels', 'boots', 'sandals']),
      leaf(1590, 'Obuwie męskie', "Men's shoes", shoes(),
        ['buty męskie', 'półbuty', 'adidasy', 'sneakersy', 'trzewiki'], ["men's shoes", 'sneakers', 'trainers']),
    ]),
    node(645, 'Dodatki', 'Accessories', 8, [
      leaf(1591, 'Torebki i plecaki', 'Handbags & backpacks', goods(brandText()),
        ['torebka', 'plecak', 'torba', 'portfel', 'walizka'], ['handbag', 'backpack', 'bag', 'wallet', 'suitcase']),
      leaf(1592, 'Biżuteria i zegarki', 'Jewellery & watches', goods(brandText()),
        ['biżuteria', 'pierścionek', 'naszyjnik', 'kolczyki', 'zegarek', 'bransoletka', 'złoto'],
        ['jewellery', 'jewelry', 'ring', 'necklace', 'earrings', 'watch']),
    ]),
  ]),

  node(628, 'Dom i Ogród', 'Home & garden', 8, [
    node(1409, 'Wyposażenie wnętrz', 'Home furnishings', 8, [
      leaf(1291, 'Akcesoria kuchenne', 'Kitchen accessories', goods(),
        ['garnki', 'patelnia', 'sztućce', 'talerze', 'noże', 'kubki', 'serwis'], ['pots', 'pan', 'cutlery', 'plates', 'knives']),
      leaf(1292, 'Dekoracje', 'Decorations', goods(),
        ['dekoracja', 'obraz', 'lustro', 'wazon', 'zasłony', 'firany', 'dywan'], ['decoration', 'painting', 'mirror', 'curtains', 'rug']),
      leaf(1293, 'Oświetlenie', 'Lighting', goods(),
        ['lampa', 'żyrandol', 'kinkiet', 'oświetlenie', 'żarówki'], ['lamp', 'chandelier', 'lighting', 'bulbs']),
    ]),
    node(1410, 'Meble', 'Furniture', 8, [
      leaf(1411, 'Meble do salonu', 'Living room furniture', goods(color()),
        ['sofa', 'kanapa', 'narożnik', 'fotel', 'stolik', 'regał', 'komoda', 'meblościanka'],
        ['sofa', 'couch', 'armchair', 'coffee table', 'bookcase']),
      leaf(1412, 'Meble do sypialni', 'Bedroom furniture', goods(color()),
        ['łóżko', 'materac', 'szafa', 'szafka nocna', 'toaletka'], ['bed', 'mattress', 'wardrobe', 'bedside table']),
      leaf(1413, 'Meble kuchenne', 'Kitchen furniture', goods(),
        ['meble kuchenne', 'stół', 'krzesła', 'szafki kuchenne', 'blat'], ['kitchen units', 'dining table', 'chairs']),
      leaf(1414, 'Meble biurowe', 'Office furniture', goods(),
        ['biurko', 'krzesło biurowe', 'fotel biurowy', 'kontener'], ['desk', 'office chair']),
    ]),
    node(1415, 'Ogród', 'Garden', 8, [
      leaf(1416, 'Meble ogrodowe', 'Garden furniture', goods(),
        ['meble ogrodowe', 'leżak', 'huśtawka', 'parasol', 'altana', 'grill'], ['garden furniture', 'deckchair', 'gazebo', 'barbecue']),
      leaf(1417, 'Rośliny', 'Plants', [price()],
        ['rośliny', 'sadzonki', 'drzewka', 'kwiaty', 'tuje', 'nasiona'], ['plants', 'seedlings', 'trees', 'flowers', 'seeds']),
      leaf(1418, 'Maszyny ogrodowe', 'Garden machinery', goods(),
        ['kosiarka', 'podkaszarka', 'glebogryzarka', 'myjka', 'dmuchawa', 'piła łańcuchowa'],
        ['lawn mower', 'trimmer', 'chainsaw', 'pressure washer']),
    ]),
    leaf(1419, 'Narzędzia', 'Tools', goods(one('power_source', L('Zasilanie', 'Power source'), [
      ['manual', 'Ręczne', 'Manual'], ['mains', 'Sieciowe', 'Mains'], ['battery', 'Akumulatorowe', 'Cordless'],
      ['petrol', 'Spalinowe', 'Petrol'], ['pneumatic', 'Pneumatyczne', 'Pneumatic'],
    ])), ['wiertarka', 'wkrętarka', 'szlifierka', 'młot', 'klucze', 'makita', 'bosch', 'dewalt', 'piła'],
    ['drill', 'screwdriver', 'grinder', 'hammer', 'saw', 'tools']),
    leaf(1420, 'Materiały budowlane', 'Building materials', goods(),
      ['cegły', 'pustaki', 'płytki', 'panele', 'drzwi', 'okna', 'cement', 'drewno', 'blacha'],
      ['bricks', 'tiles', 'flooring', 'doors', 'windows', 'timber']),
  ]),

  node(88, 'Dla dzieci', 'Kids', 8, [
    leaf(1421, 'Wózki dziecięce', 'Prams & pushchairs', goods(one('stroller_type', L('Rodzaj wózka', 'Type'), [
      ['multi', 'Wielofunkcyjny', 'Travel system'], ['pram', 'Głęboki', 'Pram'], ['buggy', 'Spacerówka', 'Buggy'],
      ['twin', 'Bliźniaczy', 'Twin'],
    ])), ['wózek', 'spacerówka', 'gondola', 'wózek 3w1', 'bliźniaczy'], ['pram', 'pushchair', 'stroller', 'buggy']),
    leaf(1422, 'Foteliki samochodowe', 'Car seats', goods(one('weight_group', L('Grupa wagowa', 'Weight group'), [
      ['0', '0-13 kg'], ['1', '9-18 kg'], ['2_3', '15-36 kg'], ['isize', 'i-Size'],
    ])), ['fotelik', 'nosidełko', 'isofix', 'podstawka'], ['car seat', 'baby seat', 'isofix', 'booster']),
    leaf(1423, 'Zabawki', 'Toys', goods(one('age_group', L('Wiek dziecka', 'Age'), [
      ['0_2', '0-2 lata', '0-2 years'], ['3_5', '3-5 lat', '3-5 years'], ['6_9', '6-9 lat', '6-9 years'],
      ['10_plus', '10+ lat', '10+ years'],
    ])), ['zabawka', 'zabawki', 'lego', 'klocki', 'lalka', 'barbie', 'puzzle', 'samochodzik', 'gra planszowa'],
    ['toy', 'toys', 'lego', 'doll', 'puzzle', 'board game']),
    leaf(1424, 'Odzież dziecięca', "Children's clothing", goods(
      num('kids_size', L('Rozmiar (wzrost)', 'Size (height)'), 'cm', 50, 176, true)),
    ['ubranka', 'body', 'śpiochy', 'kombinezon', 'odzież dziecięca', 'dla chłopca', 'dla dziewczynki'],
    ['baby clothes', 'kids clothes', 'bodysuit', 'romper']),
    leaf(1425, 'Meble dziecięce', "Children's furniture", goods(),
      ['łóżeczko', 'przewijak', 'krzesełko do karmienia', 'kojec', 'biurko dziecięce'], ['cot', 'crib', 'changing table', 'high chair', 'playpen']),
  ]),

  node(103, 'Zwierzęta', 'Pets', 8, [
    leaf(1426, 'Psy', 'Dogs', [price(), text('breed', L('Rasa', 'Breed')), one('sex', L('Płeć', 'Sex'), [
      ['male', 'Samiec', 'Male'], ['female', 'Samica', 'Female'],
    ]), one('pedigree', L('Rodowód', 'Pedigree'), YES_NO)],
    ['pies', 'szczeniak', 'szczenię', 'labrador', 'owczarek', 'buldog', 'york', 'husky'], ['dog', 'puppy', 'labrador', 'retriever']),
    leaf(1427, 'Koty', 'Cats', [price(), text('breed', L('Rasa', 'Breed')), one('sex', L('Płeć', 'Sex'), [
      ['male', 'Kocur', 'Male'], ['female', 'Kotka', 'Female'],
    ])], ['kot', 'kotek', 'kocięta', 'maine coon', 'brytyjski', 'ragdoll'], ['cat', 'kitten', 'maine coon']),
    leaf(1428, 'Akwarystyka', 'Fishkeeping', goods(),
      ['akwarium', 'rybki', 'filtr', 'terrarium', 'krewetki'], ['aquarium', 'fish', 'terrarium']),
    leaf(1429, 'Akcesoria dla zwierząt', 'Pet supplies', goods(),
      ['karma', 'klatka', 'legowisko', 'smycz', 'obroża', 'kuweta', 'transporter'], ['pet food', 'cage', 'pet bed', 'leash', 'collar']),
    leaf(1430, 'Zaginione i znalezione', 'Lost & found', [one('lost_found', L('Rodzaj', 'Kind'), [
      ['lost', 'Zaginione', 'Lost'], ['found', 'Znalezione', 'Found'],
    ], true)], ['zaginął', 'zaginęła', 'znaleziono', 'znaleziony pies', 'zaginiony kot'], ['lost', 'found', 'missing pet']),
  ]),

  node(619, 'Usługi', 'Services', 8, [
    leaf(1431, 'Budowa i remont', 'Construction & renovation', serviceAttributes(),
      ['remont', 'wykończenia', 'malowanie', 'hydraulik', 'elektryk', 'glazura', 'dachy', 'usługi budowlane'],
      ['renovation', 'plumber', 'electrician', 'painting', 'builder']),
    leaf(1432, 'Transport i przeprowadzki', 'Transport & removals', serviceAttributes(),
      ['przeprowadzki', 'transport', 'laweta', 'wywóz', 'bus z kierowcą'], ['removals', 'moving', 'transport', 'towing']),
    leaf(1433, 'Usługi IT', 'IT services', serviceAttributes(),
      ['strony internetowe', 'naprawa komputerów', 'serwis laptopów', 'sklep internetowy', 'grafika'],
      ['web design', 'computer repair', 'website', 'it support']),
    leaf(1435, 'Sprzątanie', 'Cleaning services', serviceAttributes(),
      ['sprzątanie', 'pranie tapicerki', 'mycie okien', 'czyszczenie dywanów'], ['cleaning', 'window cleaning', 'carpet cleaning']),
    leaf(1437, 'Serwis samochodowy', 'Car repair', serviceAttributes(),
      ['mechanik', 'warsztat', 'wulkanizacja', 'blacharstwo', 'lakiernictwo', 'diagnostyka'], ['mechanic', 'garage', 'car repair', 'bodywork']),
    leaf(1438, 'Uroda i zdrowie', 'Beauty & health', serviceAttributes(),
      ['fryzjer', 'kosmetyczka', 'manicure', 'paznokcie', 'masaż', 'rzęsy'], ['hairdresser', 'beautician', 'manicure', 'massage']),
    leaf(1439, 'Pozostałe usługi', 'Other services', serviceAttributes(),
      ['usługi', 'usługa', 'fotograf', 'dj', 'catering', 'tłumacz'], ['services', 'photographer', 'dj', 'catering', 'translator']),
  ]),

  node(1440, 'Sport i hobby', 'Sport & hobby', 8, [
    leaf(1441, 'Rowery', 'Bicycles', goods(one('bike_type', L('Rodzaj roweru', 'Bicycle type'), [
      ['mtb', 'Górski', 'Mountain'], ['road', 'Szosowy', 'Road'], ['city', 'Miejski', 'City'], ['trekking', 'Trekkingowy', 'Trekking'],
      ['ebike', 'Elektryczny', 'Electric'], ['kids', 'Dziecięcy', "Children's"], ['bmx', 'BMX'],
    ]), num('wheel_size', L('Rozmiar koła', 'Wheel size'), 'cal', 12, 29)),
    ['rower', 'rowerek', 'mtb', 'szosówka', 'kross', 'góral', 'e-bike'], ['bike', 'bicycle', 'mtb', 'road bike', 'e-bike']),
    leaf(1442, 'Fitness i siłownia', 'Fitness & gym', goods(),
      ['bieżnia', 'rowerek stacjonarny', 'hantle', 'atlas', 'orbitrek', 'ławeczka'], ['treadmill', 'exercise bike', 'dumbbells', 'gym']),
    leaf(1443, 'Sporty zimowe', 'Winter sports', goods(),
      ['narty', 'snowboard', 'buty narciarskie', 'łyżwy', 'gogle'], ['skis', 'snowboard', 'ski boots', 'skates']),
    leaf(1444, 'Turystyka i camping', 'Hiking & camping', goods(),
      ['namiot', 'śpiwór', 'plecak turystyczny', 'karimata', 'kijki'], ['tent', 'sleeping bag', 'camping', 'hiking']),
    leaf(1445, 'Kolekcje', 'Collectibles', goods(),
      ['kolekcja', 'monety', 'znaczki', 'antyki', 'figurki', 'karty'], ['collection', 'coins', 'stamps', 'antiques', 'figures']),
    leaf(1446, 'Wędkarstwo', 'Fishing', goods(),
      ['wędka', 'kołowrotek', 'przynęty', 'ponton', 'wędkarskie'], ['fishing rod', 'reel', 'lures', 'fishing']),
  ]),

  node(751, 'Muzyka i edukacja', 'Music & education', 8, [
    node(752, 'Instrumenty muzyczne', 'Musical instruments', 8, [
      leaf(753, 'Gitary', 'Guitars', goods(one('guitar_type', L('Rodzaj', 'Type'), [
        ['acoustic', 'Akustyczna', 'Acoustic'], ['classical', 'Klasyczna', 'Classical'], ['electric', 'Elektryczna', 'Electric'],
        ['bass', 'Basowa', 'Bass'],
      ])), ['gitara', 'fender', 'ibanez', 'yamaha', 'wzmacniacz gitarowy', 'bas'], ['guitar', 'bass guitar', 'fender', 'amp']),
      leaf(754, 'Instrumenty klawiszowe', 'Keyboards & pianos', goods(),
        ['pianino', 'keyboard', 'fortepian', 'syntezator', 'pianino cyfrowe'], ['piano', 'keyboard', 'synthesizer']),
      leaf(755, 'Perkusja', 'Drums', goods(), ['perkusja', 'bęben', 'talerze', 'werbel'], ['drums', 'drum kit', 'cymbals']),
      leaf(756, 'Sprzęt estradowy i studyjny', 'Stage & studio equipment', goods(),
        ['mikser', 'mikrofon', 'kolumny estradowe', 'interfejs audio', 'nagłośnienie'], ['mixer', 'microphone', 'pa system', 'audio interface']),
    ]),
    leaf(757, 'Książki', 'Books', goods(one('book_genre', L('Gatunek', 'Genre'), [
      ['fiction', 'Literatura piękna', 'Fiction'], ['crime', 'Kryminał', 'Crime'], ['fantasy', 'Fantastyka', 'Fantasy'],
      ['children', 'Dla dzieci', "Children's"], ['non_fiction', 'Literatura faktu', 'Non-fiction'], ['other', 'Inne', 'Other'],
    ])), ['książka', 'książki', 'powieść', 'kryminał', 'fantastyka', 'komiks'], ['book', 'books', 'novel', 'comic']),
    leaf(758, 'Podręczniki', 'Textbooks', goods(),
      ['podręcznik', 'podręczniki', 'ćwiczenia', 'matura', 'liceum'], ['textbook', 'school book', 'workbook']),
    leaf(759, 'Płyty i kasety', 'Records, CDs & tapes', goods(one('format', L('Nośnik', 'Format'), [
      ['vinyl', 'Winyl', 'Vinyl'], ['cd', 'CD'], ['cassette', 'Kaseta', 'Cassette'], ['dvd', 'DVD / Blu-ray'],
    ])), ['płyta', 'winyl', 'cd', 'kaseta', 'dvd', 'blu-ray'], ['vinyl', 'record', 'cd', 'cassette', 'dvd']),
    leaf(760, 'Korepetycje i kursy', 'Tutoring & courses', [price(false), many('subject', L('Przedmiot', 'Subject'), [
      ['math', 'Matematyka', 'Mathematics'], ['english', 'Angielski', 'English'], ['german', 'Niemiecki', 'German'],
      ['polish', 'Polski', 'Polish'], ['physics', 'Fizyka', 'Physics'], ['chemistry', 'Chemia', 'Chemistry'],
      ['music', 'Muzyka', 'Music'], ['other', 'Inne', 'Other'],
    ], true), serviceArea()], ['korepetycje', 'lekcje', 'kurs', 'nauka', 'matematyka', 'angielski', 'nauka jazdy'],
    ['tutoring', 'lessons', 'course', 'tutor']),
  ]),

  node(1700, 'Rolnictwo', 'Agriculture', 16, [
    leaf(1701, 'Ciągniki', 'Tractors', [price(), state(), text('model', L('Marka i model', 'Make and model'), true),
      YEAR(), enginePower(), num('hours', L('Motogodziny', 'Engine hours'), 'mth', 0, 100000)],
    ['ciągnik', 'traktor', 'ursus', 'zetor', 'john deere', 'new holland'], ['tractor', 'john deere']),
    leaf(1702, 'Maszyny rolnicze', 'Farm machinery', goods(YEAR(false)),
      ['kombajn', 'pług', 'brona', 'siewnik', 'opryskiwacz', 'prasa', 'rozsiewacz'], ['combine', 'plough', 'seeder', 'sprayer', 'baler']),
    leaf(1703, 'Zwierzęta gospodarskie', 'Livestock', [price(), num('quantity', L('Liczba sztuk', 'Quantity'), 'szt.', 1, 10000)],
      ['krowa', 'jałówka', 'cielę', 'koń', 'kury', 'świnie', 'owce', 'kozy'], ['cow', 'calf', 'horse', 'chickens', 'pigs', 'sheep']),
    leaf(1704, 'Płody rolne', 'Farm produce', [price(), num('quantity', L('Ilość', 'Quantity'), 'kg', 1, 10000000)],
      ['zboże', 'pszenica', 'ziemniaki', 'siano', 'słoma', 'kukurydza', 'owies'], ['grain', 'wheat', 'potatoes', 'hay', 'straw']),
  ]),

  node(1153, 'Oddam za darmo', 'Free stuff', 8, [
    leaf(1154, 'Oddam za darmo – dom i ogród', 'Free – home & garden', freeAttributes(),
      ['oddam', 'za darmo', 'gratis', 'meble za darmo', 'oddam szafę'], ['free', 'giveaway', 'free furniture']),
    leaf(1155, 'Oddam za darmo – dla dzieci', 'Free – kids', freeAttributes(),
      ['oddam ubranka', 'oddam zabawki', 'za darmo dla dziecka'], ['free baby clothes', 'free toys']),
    leaf(1156, 'Oddam za darmo – elektronika', 'Free – electronics', freeAttributes(),
      ['oddam telewizor', 'oddam komputer', 'elektronika za darmo'], ['free tv', 'free computer']),
    leaf(1157, 'Oddam za darmo – pozostałe', 'Free – other', freeAttributes(),
      ['oddam', 'za darmo', 'gratis', 'oddam za darmo'], ['free', 'giveaway', 'for free']),
  ]),
];

// ---------------------------------------------------------------------------

function flatten(list, parent, out) {
  for (const n of list) {
    const isLeaf = !n.children;
    const photos = n.photos !== undefined ? n.photos : parent.photos;
    out.push({
      id: n.id,
      parent_id: parent.id,
      name: n.name,
      photos_limit: photos,
      is_leaf: isLeaf,
      keywords: isLeaf ? n.keywords : { pl: [], en: [] },
      attributes: isLeaf ? n.attributes : [],
    });
    if (!isLeaf) flatten(n.children, { id: n.id, photos }, out);
  }
  return out;
}

const categories = flatten(TREE, { id: null, photos: 8 }, []);
// One category per line: compact, and diffs stay readable.
process.stdout.write('{"format":"souk-categories","version":1,"languages":["pl","en"],"categories":[\n'
  + categories.map((c) => JSON.stringify(c)).join(',\n') + '\n]}\n');
