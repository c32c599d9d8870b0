// Generates the preview's sample data: a ~300-row Chinese customer list and a
// ~2,000-line order log, both realistic enough to show every screen of the
// pane (a title above the header, prospects, a duplicate ID, a formula-like
// note, refunds, dates that could be day/month or month/day).
//
// Seeded: the same seed always writes the same files, so the committed
// samples can be regenerated and diffed.
//   node scripts/generate-preview-samples.mjs [--seed 20251123]
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'src', 'preview', 'samples');
const seedArg = process.argv.indexOf('--seed');
const seed = seedArg >= 0 ? Number(process.argv[seedArg + 1]) : 20251123;

/** mulberry32: a small, well-mixed 32-bit PRNG; returns floats in [0, 1). */
function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(seed);
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pickOne = (list) => list[Math.floor(random() * list.length)];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈'.split('');
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰晨浩然思远子涵雨欣梓轩一诺宇航佳怡'.split('');
const COMPANY_PLACES = ['上海', '北京', '广州', '深圳', '杭州', '苏州', '南京', '成都', '武汉', '宁波', '厦门', '青岛'];
const COMPANY_WORDS = ['华信', '恒达', '东方', '新世纪', '瑞丰', '金桥', '鼎盛', '汇通', '天成', '博远', '嘉禾', '启明', '宏图', '正泰', '明德'];
const COMPANY_KINDS = ['贸易有限公司', '科技有限公司', '商贸有限公司', '电子有限公司', '餐饮管理有限公司', '文化传媒有限公司'];
const GOV = ['区教育局', '市卫生健康委员会', '街道办事处', '区图书馆', '市第一人民医院', '职业技术学院'];
const REGIONS = ['华东·上海', '华东·杭州', '华东·南京', '华北·北京', '华北·天津', '华南·广州', '华南·深圳', '西南·成都', '华中·武汉', '东北·沈阳'];
const OWNERS = ['张伟', '李娜', '王芳', '刘洋', '陈静', '赵磊'];
const INDUSTRIES = ['零售', '制造', '教育', '医疗', '餐饮', '互联网', '物流', '政府机构'];
const PRODUCTS = [
  ['办公椅', 399], ['升降桌', 1899], ['文件柜', 860], ['A4 打印纸（箱）', 129], ['墨盒套装', 268],
  ['会议平板', 12800], ['无线投屏器', 699], ['碎纸机', 1180], ['保险柜', 2350], ['白板', 320],
];
const NOTES = ['', '', '', '', '', '老客户，年底回访', '要求开增值税专票', '对价格敏感', '介绍人：王经理', '需送货上门', '月结客户'];

function personName() {
  return pickOne(SURNAMES) + pickOne(GIVEN) + (random() < 0.6 ? pickOne(GIVEN) : '');
}
function customerName(type) {
  if (type === '个人') return personName();
  if (type === '企业') return pickOne(COMPANY_PLACES) + pickOne(COMPANY_WORDS) + pickOne(COMPANY_KINDS);
  return pickOne(COMPANY_PLACES) + pickOne(GOV);
}
function phone() {
  return `1${pickOne(['3', '5', '7', '8', '9'])}${int(0, 9)}${String(int(0, 99999999)).padStart(8, '0')}`;
}
const MS_PER_DAY = 86_400_000;
const START = Date.UTC(2023, 0, 1);
const END = Date.UTC(2025, 5, 30); // the samples' data ends 2025-06-30
function dayText(ms, style) {
  const d = new Date(ms);
  const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  if (style === 'slash') return `${y}/${m}/${dd}`;
  return `${y}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}
function csvCell(value) {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
function writeCsv(file, rows) {
  const text = rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  writeFileSync(path.join(outDir, file), text, 'utf8');
  return rows.length;
}

// ---- customer list (one row per customer), header in row 3 under a title ----
const CUSTOMER_COUNT = 300;
const listRows = [
  ['华东销售部客户名单（截至 2025 年 6 月）'],
  [],
  ['客户编号', '客户名称', '客户类型', '负责人', '手机', '邮箱', '地区', '行业', '首次购买日期', '最近购买日期', '订单数', '消费总额', '满意度', '备注'],
];
for (let i = 1; i <= CUSTOMER_COUNT; i++) {
  const id = `KH${String(i).padStart(5, '0')}`;
  const type = pickOne(['个人', '个人', '企业', '企业', '企业', '政府', '事业单位']);
  const isProspect = random() < 0.07;
  const orders = isProspect ? 0 : Math.max(1, Math.round(Math.exp(random() * 3.2)));
  const first = isProspect ? null : START + int(0, Math.floor((END - START) / MS_PER_DAY)) * MS_PER_DAY;
  const last = first === null ? null : Math.min(END, first + int(0, Math.floor((END - first) / MS_PER_DAY)) * MS_PER_DAY);
  const spend = isProspect ? 0 : Math.round(orders * (200 + random() * random() * 9000) * 100) / 100;
  const row = [
    id, customerName(type), type, pickOne(OWNERS), phone(), `kh${String(i).padStart(5, '0')}@example.cn`,
    pickOne(REGIONS), pickOne(INDUSTRIES),
    first === null ? '' : dayText(first, 'iso'), last === null ? '' : dayText(last, 'iso'),
    orders, spend, isProspect ? '' : int(2, 5), pickOne(NOTES),
  ];
  listRows.push(row);
}
// Realistic faults the pane must show as issues (never silently fixed):
listRows[3 + 41][13] = '=HYPERLINK("http://example.cn","点此查看")'; // formula-like text
listRows[3 + 87][0] = listRows[3 + 86][0]; // a duplicate customer ID
listRows[3 + 120][0] = ''; // a row without an ID
listRows[3 + 150][9] = '03/04/2025'; // day/month or month/day?
listRows[3 + 151][9] = '05/06/2025';
listRows[3 + 200][11] = '-350'; // a negative spend

// ---- order log (one row per order line) ----
const LINE_TARGET = 2000;
const logRows = [['订单号', '下单时间', '客户编号', '客户名称', '商品', '数量', '单价', '金额', '负责人', '地区']];
const buyers = [];
for (let i = 1; i <= 260; i++) {
  const type = pickOne(['个人', '企业', '企业', '政府']);
  buyers.push({ id: `C${String(1000 + i)}`, name: customerName(type), owner: pickOne(OWNERS), region: pickOne(REGIONS), weight: Math.exp(random() * 3) });
}
const totalWeight = buyers.reduce((sum, b) => sum + b.weight, 0);
function weightedBuyer() {
  let r = random() * totalWeight;
  for (const b of buyers) {
    r -= b.weight;
    if (r <= 0) return b;
  }
  return buyers[buyers.length - 1];
}
let orderNo = 0;
while (logRows.length - 1 < LINE_TARGET) {
  orderNo++;
  const buyer = weightedBuyer();
  const when = START + int(0, Math.floor((END - START) / MS_PER_DAY)) * MS_PER_DAY + int(8 * 60, 20 * 60) * 60_000;
  const lines = int(1, 3);
  const isRefund = random() < 0.03;
  for (let l = 0; l < lines && logRows.length - 1 < LINE_TARGET; l++) {
    const [product, price] = pickOne(PRODUCTS);
    const quantity = int(1, 6) * (isRefund ? -1 : 1);
    const d = new Date(when);
    const time = `${dayText(when, 'slash')} ${d.getUTCHours()}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
    logRows.push([
      `SO${String(250000 + orderNo)}`, time, buyer.id, buyer.name, product, quantity, price,
      Math.round(quantity * price * 100) / 100, buyer.owner, buyer.region,
    ]);
  }
}

mkdirSync(outDir, { recursive: true });
const listCount = writeCsv('customer-list.csv', listRows);
const logCount = writeCsv('order-log.csv', logRows);
process.stdout.write(`seed ${seed}: customer-list.csv ${listCount} rows, order-log.csv ${logCount} rows in ${path.relative(root, outDir)}\n`);
