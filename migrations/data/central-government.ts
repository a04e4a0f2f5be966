// Central government organizations as of mid-2022 (Kabinet Indonesia Maju, after the April 2021
// changes that created Kementerian Investasi/BKPM and Kemendikbudristek and folded LIPI, BPPT,
// BATAN and LAPAN into BRIN): curated seed data for the organizations catalog, inserted by a
// migration. Organizers add what is missing (units, bureaus, outside organizations).
//
// Names are the institutions' official names without "Republik Indonesia" unless that is part of
// the name in everyday official use (ANRI, Perpusnas, Ombudsman RI, Polri); the 16 ministries and
// 7 agencies of demo/workshop-kehumasan-2022.json appear exactly as there. Acronyms are unique.
// Sorted by kind in the order of the `kind` union, then by name (code-unit order).

export interface CentralGovernmentSeed {
  kind:
    | 'coordinating_ministry'
    | 'ministry'
    | 'agency'
    | 'non_structural'
    | 'state_institution'
    | 'tni'
    | 'polri';
  name: string;
  acronym: string;
}

export const CENTRAL_GOVERNMENT: readonly CentralGovernmentSeed[] = [
  {
    kind: 'coordinating_ministry',
    name: 'Kementerian Koordinator Bidang Kemaritiman dan Investasi',
    acronym: 'Kemenko Marves',
  },
  {
    kind: 'coordinating_ministry',
    name: 'Kementerian Koordinator Bidang Pembangunan Manusia dan Kebudayaan',
    acronym: 'Kemenko PMK',
  },
  {
    kind: 'coordinating_ministry',
    name: 'Kementerian Koordinator Bidang Perekonomian',
    acronym: 'Kemenko Perekonomian',
  },
  {
    kind: 'coordinating_ministry',
    name: 'Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan',
    acronym: 'Kemenko Polhukam',
  },
  { kind: 'ministry', name: 'Kementerian Agama', acronym: 'Kemenag' },
  {
    kind: 'ministry',
    name: 'Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional',
    acronym: 'Kementerian ATR/BPN',
  },
  { kind: 'ministry', name: 'Kementerian Badan Usaha Milik Negara', acronym: 'Kementerian BUMN' },
  { kind: 'ministry', name: 'Kementerian Dalam Negeri', acronym: 'Kemendagri' },
  {
    kind: 'ministry',
    name: 'Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi',
    acronym: 'Kemendes PDTT',
  },
  {
    kind: 'ministry',
    name: 'Kementerian Energi dan Sumber Daya Mineral',
    acronym: 'Kementerian ESDM',
  },
  { kind: 'ministry', name: 'Kementerian Hukum dan Hak Asasi Manusia', acronym: 'Kemenkumham' },
  {
    kind: 'ministry',
    name: 'Kementerian Investasi/Badan Koordinasi Penanaman Modal',
    acronym: 'Kementerian Investasi/BKPM',
  },
  { kind: 'ministry', name: 'Kementerian Kelautan dan Perikanan', acronym: 'KKP' },
  { kind: 'ministry', name: 'Kementerian Kesehatan', acronym: 'Kemenkes' },
  { kind: 'ministry', name: 'Kementerian Ketenagakerjaan', acronym: 'Kemnaker' },
  { kind: 'ministry', name: 'Kementerian Keuangan', acronym: 'Kemenkeu' },
  { kind: 'ministry', name: 'Kementerian Komunikasi dan Informatika', acronym: 'Kemenkominfo' },
  {
    kind: 'ministry',
    name: 'Kementerian Koperasi dan Usaha Kecil dan Menengah',
    acronym: 'KemenKopUKM',
  },
  { kind: 'ministry', name: 'Kementerian Lingkungan Hidup dan Kehutanan', acronym: 'KLHK' },
  { kind: 'ministry', name: 'Kementerian Luar Negeri', acronym: 'Kemenlu' },
  {
    kind: 'ministry',
    name: 'Kementerian Pariwisata dan Ekonomi Kreatif/Badan Pariwisata dan Ekonomi Kreatif',
    acronym: 'Kemenparekraf',
  },
  {
    kind: 'ministry',
    name: 'Kementerian Pekerjaan Umum dan Perumahan Rakyat',
    acronym: 'KemenPUPR',
  },
  {
    kind: 'ministry',
    name: 'Kementerian Pemberdayaan Perempuan dan Perlindungan Anak',
    acronym: 'KemenPPPA',
  },
  { kind: 'ministry', name: 'Kementerian Pemuda dan Olahraga', acronym: 'Kemenpora' },
  {
    kind: 'ministry',
    name: 'Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi',
    acronym: 'KemenPANRB',
  },
  {
    kind: 'ministry',
    name: 'Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi',
    acronym: 'Kemendikbudristek',
  },
  { kind: 'ministry', name: 'Kementerian Perdagangan', acronym: 'Kemendag' },
  {
    kind: 'ministry',
    name: 'Kementerian Perencanaan Pembangunan Nasional/Bappenas',
    acronym: 'Bappenas',
  },
  { kind: 'ministry', name: 'Kementerian Perhubungan', acronym: 'Kemenhub' },
  { kind: 'ministry', name: 'Kementerian Perindustrian', acronym: 'Kemenperin' },
  { kind: 'ministry', name: 'Kementerian Pertahanan', acronym: 'Kemhan' },
  { kind: 'ministry', name: 'Kementerian Pertanian', acronym: 'Kementan' },
  { kind: 'ministry', name: 'Kementerian Sekretariat Negara', acronym: 'Kemensetneg' },
  { kind: 'ministry', name: 'Kementerian Sosial', acronym: 'Kemensos' },
  { kind: 'agency', name: 'Arsip Nasional Republik Indonesia', acronym: 'ANRI' },
  { kind: 'agency', name: 'Badan Informasi Geospasial', acronym: 'BIG' },
  { kind: 'agency', name: 'Badan Intelijen Negara', acronym: 'BIN' },
  { kind: 'agency', name: 'Badan Keamanan Laut', acronym: 'Bakamla' },
  { kind: 'agency', name: 'Badan Kepegawaian Negara', acronym: 'BKN' },
  { kind: 'agency', name: 'Badan Kependudukan dan Keluarga Berencana Nasional', acronym: 'BKKBN' },
  { kind: 'agency', name: 'Badan Meteorologi, Klimatologi, dan Geofisika', acronym: 'BMKG' },
  { kind: 'agency', name: 'Badan Narkotika Nasional', acronym: 'BNN' },
  { kind: 'agency', name: 'Badan Nasional Penanggulangan Bencana', acronym: 'BNPB' },
  { kind: 'agency', name: 'Badan Nasional Penanggulangan Terorisme', acronym: 'BNPT' },
  { kind: 'agency', name: 'Badan Nasional Pencarian dan Pertolongan', acronym: 'Basarnas' },
  { kind: 'agency', name: 'Badan Pangan Nasional', acronym: 'Bapanas' },
  { kind: 'agency', name: 'Badan Pelindungan Pekerja Migran Indonesia', acronym: 'BP2MI' },
  { kind: 'agency', name: 'Badan Pembinaan Ideologi Pancasila', acronym: 'BPIP' },
  { kind: 'agency', name: 'Badan Pengawas Obat dan Makanan', acronym: 'BPOM' },
  { kind: 'agency', name: 'Badan Pengawas Tenaga Nuklir', acronym: 'Bapeten' },
  { kind: 'agency', name: 'Badan Pengawasan Keuangan dan Pembangunan', acronym: 'BPKP' },
  { kind: 'agency', name: 'Badan Pusat Statistik', acronym: 'BPS' },
  { kind: 'agency', name: 'Badan Riset dan Inovasi Nasional', acronym: 'BRIN' },
  { kind: 'agency', name: 'Badan Siber dan Sandi Negara', acronym: 'BSSN' },
  { kind: 'agency', name: 'Badan Standardisasi Nasional', acronym: 'BSN' },
  { kind: 'agency', name: 'Lembaga Administrasi Negara', acronym: 'LAN' },
  { kind: 'agency', name: 'Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah', acronym: 'LKPP' },
  { kind: 'agency', name: 'Lembaga Ketahanan Nasional', acronym: 'Lemhannas' },
  { kind: 'agency', name: 'Perpustakaan Nasional Republik Indonesia', acronym: 'Perpusnas' },
  { kind: 'non_structural', name: 'Badan Pengawas Pemilihan Umum', acronym: 'Bawaslu' },
  { kind: 'non_structural', name: 'Badan Restorasi Gambut dan Mangrove', acronym: 'BRGM' },
  { kind: 'non_structural', name: 'Dewan Kehormatan Penyelenggara Pemilu', acronym: 'DKPP' },
  { kind: 'non_structural', name: 'Kantor Staf Presiden', acronym: 'KSP' },
  { kind: 'non_structural', name: 'Komisi Aparatur Sipil Negara', acronym: 'KASN' },
  { kind: 'non_structural', name: 'Komisi Informasi Pusat', acronym: 'KI Pusat' },
  {
    kind: 'non_structural',
    name: 'Komisi Nasional Anti Kekerasan terhadap Perempuan',
    acronym: 'Komnas Perempuan',
  },
  { kind: 'non_structural', name: 'Komisi Nasional Hak Asasi Manusia', acronym: 'Komnas HAM' },
  { kind: 'non_structural', name: 'Komisi Pemberantasan Korupsi', acronym: 'KPK' },
  { kind: 'non_structural', name: 'Komisi Pemilihan Umum', acronym: 'KPU' },
  { kind: 'non_structural', name: 'Komisi Pengawas Persaingan Usaha', acronym: 'KPPU' },
  { kind: 'non_structural', name: 'Komisi Penyiaran Indonesia', acronym: 'KPI' },
  { kind: 'non_structural', name: 'Komisi Perlindungan Anak Indonesia', acronym: 'KPAI' },
  { kind: 'non_structural', name: 'Lembaga Perlindungan Saksi dan Korban', acronym: 'LPSK' },
  { kind: 'non_structural', name: 'Ombudsman Republik Indonesia', acronym: 'Ombudsman RI' },
  {
    kind: 'non_structural',
    name: 'Pusat Pelaporan dan Analisis Transaksi Keuangan',
    acronym: 'PPATK',
  },
  { kind: 'state_institution', name: 'Badan Pemeriksa Keuangan', acronym: 'BPK' },
  { kind: 'state_institution', name: 'Dewan Perwakilan Daerah', acronym: 'DPD' },
  { kind: 'state_institution', name: 'Dewan Perwakilan Rakyat', acronym: 'DPR' },
  { kind: 'state_institution', name: 'Komisi Yudisial', acronym: 'KY' },
  { kind: 'state_institution', name: 'Mahkamah Agung', acronym: 'MA' },
  { kind: 'state_institution', name: 'Mahkamah Konstitusi', acronym: 'MK' },
  { kind: 'state_institution', name: 'Majelis Permusyawaratan Rakyat', acronym: 'MPR' },
  { kind: 'tni', name: 'Tentara Nasional Indonesia', acronym: 'TNI' },
  { kind: 'polri', name: 'Kepolisian Negara Republik Indonesia', acronym: 'Polri' },
];
