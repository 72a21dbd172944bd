/** 情况说明 七: 政府采购 totals and the shares granted to 中小企业 and 小微企业. */
import { orZero, percent, ZERO, type Dec } from '../decimal.ts';
import type { YearFile } from '../schema/index.ts';
import type { YearCalc } from './types.ts';

/** The published sentence prints 0.00% for 0/0. */
const shareOr0 = (a: Dec, b: Dec) => percent(a, b) ?? ZERO;

export function calcProcurement(input: YearFile): YearCalc['procurement'] {
  const pr = input.procurement;
  const goods = orZero(pr?.goods?.total);
  const works = orZero(pr?.works?.total);
  const services = orZero(pr?.services?.total);
  const smeGoods = orZero(pr?.goods?.sme);
  const smeWorks = orZero(pr?.works?.sme);
  const smeServices = orZero(pr?.services?.sme);
  const total = goods.plus(works).plus(services);
  const sme = smeGoods.plus(smeWorks).plus(smeServices);
  const smallMicro = orZero(pr?.small_micro);
  return {
    goods,
    works,
    services,
    total,
    smeGoods,
    smeWorks,
    smeServices,
    sme,
    smallMicro,
    smeShare: shareOr0(sme, total),
    smallMicroShare: shareOr0(smallMicro, sme),
    goodsShare: shareOr0(smeGoods, goods),
    worksShare: shareOr0(smeWorks, works),
    servicesShare: shareOr0(smeServices, services),
  };
}
